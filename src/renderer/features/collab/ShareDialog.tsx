import QRCode from 'qrcode';
import { useEffect, useState, type FormEvent } from 'react';
import type { Invite, TeamView } from '../../../shared/collab/team';
import { useApi } from '../../app/BackendContext';
import { useModal } from '../../app/useModal';
import { messageOf } from '../../../shared/errors';

function InviteView({ invite }: { invite: Invite }) {
  const [qr, setQr] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toDataURL(invite.code, { errorCorrectionLevel: 'L', margin: 1, width: 220 }).then(
      (url) => live && setQr(url),
      () => live && setQr(null),
    );
    return () => {
      live = false;
    };
  }, [invite.code]);
  const [copied, setCopied] = useState<'code' | 'link' | null>(null);
  const copy = (what: 'code' | 'link') =>
    navigator.clipboard.writeText(what === 'code' ? invite.code : invite.link).then(
      () => setCopied(what),
      () => setCopied(null),
    );
  return (
    <div className="invite">
      <p>
        Send this invite to teammates (it holds the team secret: share it only with them). They choose{' '}
        <strong>Join a team</strong> on their campaigns screen and paste it, or scan the code.
      </p>
      <label htmlFor="invite-code">Invite code</label>
      <textarea id="invite-code" readOnly rows={4} value={invite.code} onFocus={(e) => e.currentTarget.select()} />
      <div className="invite-actions">
        <button type="button" onClick={() => void copy('code')}>
          {copied === 'code' ? 'Copied' : 'Copy invite'}
        </button>
        <button type="button" onClick={() => void copy('link')}>
          {copied === 'link' ? 'Copied' : 'Copy as link'}
        </button>
      </div>
      {qr && <img className="invite-qr" src={qr} alt={`QR code of the invite to ${invite.teamName}`} />}
    </div>
  );
}

/** Share a campaign with a team (creating one if needed) and show the invite as code, link and QR. */
export function ShareDialog({ campaignId, onClose }: { campaignId: string; onClose: () => void }) {
  const api = useApi();
  const { dialog, handlers } = useModal(onClose);
  const [teams, setTeams] = useState<TeamView[] | null>(null);
  const [teamId, setTeamId] = useState('');
  const [name, setName] = useState('');
  const [invite, setInvite] = useState<Invite | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void api.teams.list({}).then(
      (list) => {
        setTeams(list);
        setTeamId((id) => id || list[0]?.id || '');
      },
      (e: unknown) => setError(messageOf(e)),
    );
  }, [api]);

  const share = async (id: string) => {
    setError(null);
    try {
      setInvite(await api.teams.invite({ teamId: id, campaignId }));
    } catch (e) {
      setError(messageOf(e));
    }
  };
  const create = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const team = await api.teams.create({ name });
      setTeams((list) => [...(list ?? []), team]);
      setTeamId(team.id);
      await share(team.id);
    } catch (err) {
      setError(messageOf(err));
    }
  };

  return (
    <dialog ref={dialog} className="app-dialog collab-dialog" aria-label="Share with your team" {...handlers}>
      <header>
        <h2>Share with your team</h2>
        <button type="button" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      {teams === null && !error && <p className="muted">Loading teams…</p>}
      {teams && teams.length === 0 && !invite && (
        <form onSubmit={(e) => void create(e)}>
          <p>Create a team: its secret is made on this device and kept in its keychain.</p>
          <label htmlFor="team-name">Team name</label>
          <input id="team-name" data-initial-focus value={name} onChange={(e) => setName(e.target.value)} />
          <button type="submit" className="primary">
            Create team and invite
          </button>
        </form>
      )}
      {teams && teams.length > 0 && !invite && (
        <div>
          <label htmlFor="share-team">Team</label>
          <select id="share-team" value={teamId} onChange={(e) => setTeamId(e.target.value)}>
            {teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
          <button type="button" className="primary" data-initial-focus onClick={() => void share(teamId)}>
            Share and create invite
          </button>
        </div>
      )}
      {invite && <InviteView invite={invite} />}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </dialog>
  );
}
