import { TeamsButton } from '../features/collab';
import { MemoryButton } from '../features/memory';
import { MeshButton } from '../features/mesh';
import { ModelsButton } from '../features/models';
import { TracesButton } from '../features/traces';
import { TrustSettingsButton, VerifyButton } from '../features/trust';
import { WorkspaceScreen } from '../features/workspace';
import { CampaignScreen } from './CampaignScreen';
import { ConnectionBanner } from './ConnectionBanner';
import { useRoute } from './useRoute';

/** The app shell: the workspace, or one open campaign. */
export function App() {
  const [campaignId, navigate] = useRoute();
  return (
    <div className="app">
      <ConnectionBanner />
      {campaignId ? (
        <CampaignScreen key={campaignId} campaignId={campaignId} onBack={() => navigate(null)} />
      ) : (
        <WorkspaceScreen
          onOpen={navigate}
          actions={
            <>
              <TeamsButton onOpen={navigate} />
              <MemoryButton />
              <ModelsButton />
              <MeshButton actions={<TracesButton />} />
              <VerifyButton />
              <TrustSettingsButton />
            </>
          }
        />
      )}
    </div>
  );
}
