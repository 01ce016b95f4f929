import type { CampaignSync } from './CampaignSync';
import { describeSync } from './SyncIndicator';
import type { SyncSnapshot } from './syncTypes';
import { useSyncSnapshot } from './useCampaignSync';

const kib = (bytes: number) => (bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KiB`);

function Warnings({ snapshot }: { snapshot: SyncSnapshot }) {
  return (
    <>
      {snapshot.secretMismatch && (
        <p className="sync-alert" role="alert">
          A device of team “{snapshot.teamName}” uses a different team secret, so it receives nothing from you and you
          nothing from it. If one of you has an old invite, ask a teammate for a new one and join again.
        </p>
      )}
      {snapshot.strangers > 0 && (
        <p className="sync-alert" role="alert">
          Ignored {snapshot.strangers} {snapshot.strangers === 1 ? 'message' : 'messages'} from a device without this
          team’s secret. Nothing reached the campaign.
        </p>
      )}
      {snapshot.status === 'offline' && (
        <p className="sync-alert" role="alert">
          Can’t reach a signaling server. Your edits are saved on this device and merge when you are back online; check
          the addresses under Teams on the campaigns screen.
        </p>
      )}
    </>
  );
}

/** Everything about one campaign's live sync: peers with latency and bytes, servers, events. */
export function SyncPanel({
  sync,
  onInvite,
  onClose,
}: {
  sync: CampaignSync;
  onInvite: () => void;
  onClose: () => void;
}) {
  const snapshot = useSyncSnapshot(sync);
  const paused = snapshot.status === 'paused';
  return (
    <aside className="side-panel sync-panel" aria-label="Sync with teammates">
      <header className="side-panel__head">
        <h2>Sync · {snapshot.teamName}</h2>
        <button type="button" aria-label="Close the sync panel" onClick={onClose}>
          ×
        </button>
      </header>
      <p className="sync-summary" role="status">
        {describeSync(snapshot)}
      </p>
      <div className="sync-actions">
        <button type="button" onClick={() => (paused ? sync.resume() : sync.pause())}>
          {paused ? 'Go online' : 'Work offline'}
        </button>
        <button type="button" onClick={onInvite}>
          Invite teammates
        </button>
      </div>
      <Warnings snapshot={snapshot} />
      <h3>Peers</h3>
      {snapshot.peers.length === 0 ? (
        <p className="muted">No teammate has this campaign open right now.</p>
      ) : (
        <table className="sync-peers" aria-label="Connected peers">
          <thead>
            <tr>
              <th scope="col">Teammate</th>
              <th scope="col">Latency</th>
              <th scope="col">Received</th>
              <th scope="col">Sent</th>
            </tr>
          </thead>
          <tbody>
            {snapshot.peers.map((p) => (
              <tr key={p.peerId} data-peer={p.peerId}>
                <td>
                  <span className="sync-swatch" style={{ background: p.colour ?? '#999' }} aria-hidden="true" />
                  {p.name ?? `Peer ${p.peerId.slice(0, 8)}`} {p.connected ? '' : '(connecting…)'}
                </td>
                <td>{p.rttMs === null ? '—' : `${p.rttMs} ms`}</td>
                <td>{kib(p.bytesIn)}</td>
                <td>{kib(p.bytesOut)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="muted">
        In total: received {kib(snapshot.bytesIn)}, sent {kib(snapshot.bytesOut)}.
      </p>
      <h3>Signaling servers</h3>
      {snapshot.signaling.length === 0 ? (
        <p className="muted">This team lists no signaling server; add one under Teams on the campaigns screen.</p>
      ) : (
        <ul className="sync-servers">
          {snapshot.signaling.map((s) => (
            <li key={s.url}>
              {s.url} — {s.connected ? 'connected' : 'not reachable'}
            </li>
          ))}
        </ul>
      )}
      {snapshot.log.length > 0 && (
        <>
          <h3>Recent events</h3>
          <ol className="sync-log" aria-label="Recent sync events">
            {snapshot.log.map((entry, i) => (
              <li key={`${entry.at}-${i}`}>
                <time dateTime={new Date(entry.at).toISOString()}>{new Date(entry.at).toLocaleTimeString()}</time>{' '}
                {entry.text}
              </li>
            ))}
          </ol>
        </>
      )}
    </aside>
  );
}
