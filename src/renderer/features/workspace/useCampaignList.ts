import { useCallback, useEffect, useState } from 'react';
import type { CampaignSummary } from '../../../shared/api/dto';
import { MailyError } from '../../../shared/errors';
import { useApi } from '../../app/BackendContext';

export interface CampaignListState {
  campaigns: CampaignSummary[];
  loading: boolean;
  error: string | null;
  refresh: () => void;
}

/** The workspace's campaigns (or the trash), searched, refreshed on every change. */
export function useCampaignList(query: string, trash: boolean): CampaignListState {
  const api = useApi();
  const [state, setState] = useState<Omit<CampaignListState, 'refresh'>>({ campaigns: [], loading: true, error: null });
  const [tick, setTick] = useState(0);
  const refresh = useCallback(() => setTick((t) => t + 1), []);

  useEffect(() => api.on('campaigns:changed', refresh), [api, refresh]);
  useEffect(() => {
    let current = true;
    api.campaigns
      .list({ query: query.trim() || undefined, trash })
      .then((campaigns) => current && setState({ campaigns, loading: false, error: null }))
      .catch((error: unknown) => {
        const message = error instanceof MailyError ? error.message : 'Campaigns could not be loaded.';
        if (current) setState((s) => ({ ...s, loading: false, error: message }));
      });
    return () => {
      current = false;
    };
  }, [api, query, trash, tick]);

  return { ...state, refresh };
}
