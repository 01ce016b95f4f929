import { useState, type ReactNode } from 'react';
import { useWindowShortcut } from '../../app/useWindowShortcut';
import type * as Y from 'yjs';
import type { PresenceFeed } from '../../../shared/collab/presence';
import { PresenceList } from './PresenceList';
import { ShareDialog } from './ShareDialog';
import { SyncIndicator } from './SyncIndicator';
import { SyncPanel } from './SyncPanel';
import { useCampaignSync } from './useCampaignSync';

export interface CollabUi {
  /** Presence chips, the sync indicator (or "Share" for a private campaign) and the share dialog. */
  header: ReactNode;
  /** The sync panel, when open. */
  panel: ReactNode;
  /** Teammates' presence for the editors, while the campaign is shared. */
  presence: PresenceFeed | null;
}

/** Ctrl+Alt+S (⌘⌥S) toggles the sync panel. */
const isSyncShortcut = (e: KeyboardEvent) => (e.ctrlKey || e.metaKey) && e.altKey && e.code === 'KeyS';

/** The collaboration parts of an open campaign, ready for the campaign screen to place. */
export function useCollab(campaignId: string, doc: Y.Doc | null, readOnly: boolean): CollabUi {
  // No snapshot here: the indicator and panel subscribe themselves, so a peer's update
  // re-renders them and not the campaign screen with its canvas.
  const sync = useCampaignSync(campaignId, doc, readOnly);
  const [panelOpen, setPanelOpen] = useState(false);
  const [sharing, setSharing] = useState(false);
  const [toggle] = useState(() => () => setPanelOpen((open) => !open));
  useWindowShortcut(isSyncShortcut, toggle);
  const header = (
    <>
      {sync && <PresenceList presence={sync.presence} />}
      {sync ? (
        <SyncIndicator sync={sync} open={panelOpen} onToggle={toggle} />
      ) : (
        <button type="button" disabled={readOnly || !doc} onClick={() => setSharing(true)}>
          Share
        </button>
      )}
      {sharing && <ShareDialog campaignId={campaignId} onClose={() => setSharing(false)} />}
    </>
  );
  const panel =
    sync && panelOpen ? (
      <SyncPanel sync={sync} onInvite={() => setSharing(true)} onClose={() => setPanelOpen(false)} />
    ) : null;
  return { header, panel, presence: sync?.presence ?? null };
}
