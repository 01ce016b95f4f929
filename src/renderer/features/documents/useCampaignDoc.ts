import { useEffect, useState, useSyncExternalStore } from 'react';
import { useApi, useConnection } from '../../app/BackendContext';
import { CampaignDocSession, LOADING, type DocSnapshot } from './CampaignDocSession';

/** Opens a campaign's document for as long as the component is mounted. */
export function useCampaignDoc(campaignId: string): DocSnapshot {
  const api = useApi();
  const connection = useConnection();
  const [session, setSession] = useState<CampaignDocSession | null>(null);
  useEffect(() => {
    const next = new CampaignDocSession(api, connection, campaignId);
    setSession(next);
    void next.start();
    return () => next.dispose();
  }, [api, connection, campaignId]);
  return useSyncExternalStore(
    (cb) => session?.subscribe(cb) ?? (() => {}),
    () => session?.get() ?? LOADING,
  );
}
