import type { CampaignSync } from './CampaignSync';
import type { SyncSnapshot } from './syncTypes';
import { useSyncSnapshot } from './useCampaignSync';

const time = (at: number) => new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/** The one-line sync state: offline, connecting, or connected to N teammates, and when it last synced. */
export function describeSync(s: SyncSnapshot): string {
  const connected = s.peers.filter((p) => p.connected).length;
  const synced = s.lastSyncedAt ? ` · synced ${time(s.lastSyncedAt)}` : '';
  switch (s.status) {
    case 'off':
      return 'Private';
    case 'paused':
      return 'Offline (paused)';
    case 'offline':
      return `Offline${synced}`;
    case 'connecting':
      return 'Connecting…';
    case 'connected':
      if (connected === 0) return `Online · no teammates here${synced}`;
      return `Connected to ${connected} ${connected === 1 ? 'peer' : 'peers'}${synced}`;
  }
}

/** The header button showing the sync state; opens the sync panel. */
export function SyncIndicator({ sync, open, onToggle }: { sync: CampaignSync; open: boolean; onToggle: () => void }) {
  const snapshot = useSyncSnapshot(sync);
  const warn = snapshot.secretMismatch || snapshot.strangers > 0;
  return (
    <button
      type="button"
      className={`sync-indicator sync-${snapshot.status}${warn ? ' sync-warn' : ''}`}
      data-sync-status={snapshot.status}
      data-sync-peers={snapshot.peers.filter((p) => p.connected).length}
      aria-expanded={open}
      aria-keyshortcuts="Control+Alt+S"
      title="Sync with teammates (Ctrl+Alt+S)"
      onClick={onToggle}
    >
      <span className="sync-dot" aria-hidden="true" />
      {describeSync(snapshot)}
      {warn && <span className="sync-warn-mark"> · check sync</span>}
    </button>
  );
}
