export { useCampaignDoc } from './useCampaignDoc';
export { SaveStatus } from './SaveStatus';
export { CampaignDocSession, FROM_HOST, type DocSnapshot, type SaveState } from './CampaignDocSession';
