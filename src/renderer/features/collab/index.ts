/** Live collaboration: teams, invites, peer-to-peer sync, presence and the sync status. */
export { CampaignSync } from './CampaignSync';
export { PresenceList } from './PresenceList';
export { ShareDialog } from './ShareDialog';
export { SyncIndicator, describeSync } from './SyncIndicator';
export { SyncPanel } from './SyncPanel';
export { TeamsDialog } from './TeamsDialog';
export { useCampaignSync, useSyncSnapshot } from './useCampaignSync';
export type { SyncSnapshot, SyncStatus } from './syncTypes';
import './collab.css';
