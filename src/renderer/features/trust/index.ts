/** Trust certificates: badges, signing, certificates, verifying, the address book and the optional chain. */
import './trust.css';
export { useCampaignTrust, type CampaignTrustUi } from './useCampaignTrust';
export { VerifyButton } from './VerifyButton';
export { TrustSettingsButton } from './TrustSettingsButton';
