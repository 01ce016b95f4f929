import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { messageOf } from '../../../shared/errors';
import type { TeamView } from '../../../shared/collab/team';
import type { AddressEntry } from '../../../shared/trust/types';
import { useApi } from '../../app/BackendContext';
import { relativeTime } from '../../app/relativeTime';
import { FormError } from './FormError';
import { useBusy } from './useBusy';

function EntryRow({ entry, onChanged }: { entry: AddressEntry; onChanged: () => void }) {
  const api = useApi();
  const [name, setName] = useState(entry.name);
  const { busy, error, run } = useBusy();
  const save = (e: FormEvent) => {
    e.preventDefault();
    void run(() => api.trust.setName({ teamId: entry.teamId, address: entry.address, name: name.trim() })).then(
      (saved) => saved && onChanged(),
    );
  };
  const remove = () =>
    void run(() => api.trust.removeName({ teamId: entry.teamId, address: entry.address })).then(
      (removed) => removed && onChanged(),
    );
  return (
    <li>
      <form className="trust-entry" aria-label={`Name of ${entry.address}`} onSubmit={save}>
        <code className="trust-address">{entry.address}</code>
        <input
          aria-label={`Name for ${entry.address}`}
          value={name}
          maxLength={60}
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit" disabled={busy || !name.trim() || name.trim() === entry.name}>
          Rename
        </button>
        <button type="button" disabled={busy} aria-label={`Remove ${entry.name}`} onClick={remove}>
          Remove
        </button>
        <span className="muted">
          {entry.source === 'manual' ? 'named by hand' : 'from a certificate'} · {relativeTime(entry.updatedAt)}
        </span>
      </form>
      <FormError error={error} />
    </li>
  );
}

function AddForm({ teamId, onChanged }: { teamId: string; onChanged: () => void }) {
  const api = useApi();
  const [address, setAddress] = useState('');
  const [name, setName] = useState('');
  const { busy, error, run } = useBusy();
  const add = (e: FormEvent) => {
    e.preventDefault();
    void run(() => api.trust.setName({ teamId, address: address.trim(), name: name.trim() })).then((saved) => {
      if (!saved) return;
      setAddress('');
      setName('');
      onChanged();
    });
  };
  return (
    <form className="trust-entry" aria-label="Add a name" onSubmit={add}>
      <input aria-label="Address" placeholder="0x…" value={address} onChange={(e) => setAddress(e.target.value)} />
      <input aria-label="Name" placeholder="Name" value={name} onChange={(e) => setName(e.target.value)} />
      <button type="submit" disabled={busy || !address.trim() || !name.trim()}>
        Add name
      </button>
      <FormError error={error} />
    </form>
  );
}

/**
 * The team address book: which teammate each signing address belongs to, so a
 * certificate shows “signed by Ana” instead of an address. Rename or remove an entry.
 */
export function AddressBook() {
  const api = useApi();
  const [teams, setTeams] = useState<TeamView[] | null>(null);
  const [teamId, setTeamId] = useState('');
  const [entries, setEntries] = useState<AddressEntry[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.teams.list({}).then(
      (list) => {
        setTeams(list);
        setTeamId((id) => id || list[0]?.id || '');
      },
      (e: unknown) => setError(messageOf(e)),
    );
  }, [api]);
  const load = useCallback(() => {
    if (!teamId) return;
    api.trust.addressBook({ teamId }).then(
      (list) => {
        setEntries(list);
        setError(null);
      },
      (e: unknown) => setError(messageOf(e)),
    );
  }, [api, teamId]);
  useEffect(load, [load]);
  if (teams && teams.length === 0)
    return <p className="muted">No team yet: the address book belongs to a team. Share a campaign to create one.</p>;
  return (
    <div className="trust-book">
      {teams && (
        <>
          <label htmlFor="book-team">Team</label>
          <select id="book-team" value={teamId} onChange={(e) => setTeamId(e.target.value)}>
            {teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </>
      )}
      {entries.length === 0 ? (
        <p className="muted">No names yet. Names are learnt from teammates’ certificates, or add one here.</p>
      ) : (
        <ul className="trust-list" aria-label="Address book">
          {entries.map((entry) => (
            <EntryRow key={`${entry.address}:${entry.updatedAt}`} entry={entry} onChanged={load} />
          ))}
        </ul>
      )}
      {teamId && <AddForm teamId={teamId} onChanged={load} />}
      <FormError error={error} />
    </div>
  );
}
