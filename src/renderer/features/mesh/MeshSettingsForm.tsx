import { useEffect, useState, type FormEvent } from 'react';
import type { TeamView } from '../../../shared/collab/team';
import type { MeshSettings } from '../../../shared/mesh/mesh';

/**
 * The mesh's settings on this device: which team's desktops to pool with (none = off),
 * the port to listen on, LAN discovery and whether teammates may use this device's node.
 */
export function MeshSettingsForm({
  settings,
  teams,
  onSave,
}: {
  settings: MeshSettings | null;
  teams: TeamView[];
  onSave: (settings: MeshSettings) => Promise<unknown>;
}) {
  const [on, setOn] = useState(false);
  const [teamId, setTeamId] = useState('');
  const [port, setPort] = useState('0');
  const [mdns, setMdns] = useState(true);
  const [share, setShare] = useState(true);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!settings) return;
    setOn(settings.teamId !== null);
    setTeamId(settings.teamId ?? '');
    setPort(String(settings.port ?? 0));
    setMdns(settings.mdns ?? true);
    setShare(settings.share ?? true);
  }, [settings]);
  const portNumber = Number(port);
  const portValid = /^\d+$/.test(port) && portNumber <= 65_535;
  const chosenTeam = teamId || teams[0]?.id || '';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!portValid || (on && !chosenTeam)) return;
    setBusy(true);
    void onSave({ teamId: on ? chosenTeam : null, port: portNumber, mdns, share }).finally(() => setBusy(false));
  };
  return (
    <form className="mesh-settings" onSubmit={submit} aria-label="Mesh settings">
      <h3>Settings</h3>
      <label className="mesh-check">
        <input type="checkbox" checked={on} onChange={(e) => setOn(e.target.checked)} />
        Pool this device’s AI with the team
      </label>
      <label htmlFor="mesh-team">Team</label>
      <select id="mesh-team" value={chosenTeam} disabled={!on} onChange={(e) => setTeamId(e.target.value)}>
        {teams.length === 0 && <option value="">No teams yet: create or join one under Teams</option>}
        {teams.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </select>
      <label htmlFor="mesh-port">Port (0 = any free port)</label>
      <input
        id="mesh-port"
        inputMode="numeric"
        value={port}
        aria-invalid={!portValid}
        onChange={(e) => setPort(e.target.value.trim())}
      />
      {!portValid && <p className="form-error">Use a port from 0 to 65535.</p>}
      <label className="mesh-check">
        <input type="checkbox" checked={mdns} onChange={(e) => setMdns(e.target.checked)} />
        Find teammates on this network (mDNS)
      </label>
      <label className="mesh-check">
        <input type="checkbox" checked={share} onChange={(e) => setShare(e.target.checked)} />
        Let teammates’ jobs run on this device
      </label>
      <button type="submit" disabled={busy || !portValid || (on && !chosenTeam)}>
        {busy ? 'Saving…' : 'Save mesh settings'}
      </button>
    </form>
  );
}
