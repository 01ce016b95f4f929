import { useCallback, useEffect, useState } from 'react';

/** The open campaign lives in the URL (?campaign=id) so a reload returns to it. */
export function useRoute(): [string | null, (campaignId: string | null) => void] {
  const read = () => new URLSearchParams(location.search).get('campaign');
  const [campaignId, setCampaignId] = useState<string | null>(read);
  useEffect(() => {
    const onPop = () => setCampaignId(read());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const navigate = useCallback((next: string | null) => {
    const url = new URL(location.href);
    if (next) url.searchParams.set('campaign', next);
    else url.searchParams.delete('campaign');
    history.pushState(null, '', url);
    setCampaignId(next);
  }, []);
  return [campaignId, navigate];
}
