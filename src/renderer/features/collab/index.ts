/** Live collaboration: teams, invites, peer-to-peer sync, presence and the sync status. */
export { CampaignSync } from './CampaignSync';
export { PresenceList } from './PresenceList';
export { ShareDialog } from './ShareDialog';
export { SyncIndicator, describeSync } from './SyncIndicator';
export { SyncPanel } from './SyncPanel';
export { TeamsButton } from './TeamsButton';
export { useCollab, type CollabUi } from './useCollab';
export { useCampaignSync, useSyncSnapshot } from './useCampaignSync';
export type { SyncSnapshot, SyncStatus } from './syncTypes';
import './collab.css';
