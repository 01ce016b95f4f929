import { useState } from 'react';
import type { TeamView } from '../../../shared/collab/team';
import { useApi } from '../../app/BackendContext';
import { formatIceLines, parseIceLines, parseLines } from './iceServers';
import { messageOf } from '../../../shared/errors';

/** One team: its signaling addresses and ICE servers, editable; leaving it. */
export function TeamSettings({ team, onNotice }: { team: TeamView; onNotice: (text: string) => void }) {
  const api = useApi();
  const [signaling, setSignaling] = useState(team.signaling.join('\n'));
  const [ice, setIce] = useState(formatIceLines(team.iceServers));
  const save = () =>
    api.teams.update({ teamId: team.id, signaling: parseLines(signaling), iceServers: parseIceLines(ice) }).then(
      () => onNotice(`Saved the servers of ${team.name}.`),
      (e: unknown) => onNotice(messageOf(e)),
    );
  const leave = () => {
    if (!window.confirm(`Leave ${team.name}? Its campaigns stay here, private.`)) return;
    void api.teams.leave({ teamId: team.id }).then(
      () => onNotice(`Left ${team.name}.`),
      (e: unknown) => onNotice(messageOf(e)),
    );
  };
  const id = `team-${team.id}`;
  return (
    <section className="team-settings" aria-label={`Team ${team.name}`}>
      <h3>
        {team.name} <span className="muted">key {team.keyId}</span>
      </h3>
      <label htmlFor={`${id}-signaling`}>Signaling servers (one per line)</label>
      <textarea
        id={`${id}-signaling`}
        rows={2}
        placeholder="ws://192.168.1.20:4444"
        value={signaling}
        onChange={(e) => setSignaling(e.target.value)}
      />
      <label htmlFor={`${id}-ice`}>STUN/TURN servers for the internet (one per line; none needed on a LAN)</label>
      <textarea
        id={`${id}-ice`}
        rows={2}
        placeholder="turn:turn.example.com:3478 username password"
        value={ice}
        onChange={(e) => setIce(e.target.value)}
      />
      <div className="team-actions">
        <button type="button" onClick={() => void save()}>
          Save servers of {team.name}
        </button>
        <button type="button" className="danger" onClick={leave}>
          Leave {team.name}
        </button>
      </div>
    </section>
  );
}
