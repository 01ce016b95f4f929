import { useCallback, useEffect, useState } from 'react';
import type { VersionSummary } from '../../../shared/collab/versions';
import { useApi } from '../../app/BackendContext';
import { describeError } from './describeError';

export interface VersionList {
  /** Newest first; null until the first answer. */
  versions: VersionSummary[] | null;
  /** Why the list could not be read, with what to do next. */
  problem: string | null;
  /** Reads the list again (it also follows `versions:changed`). */
  reload: () => void;
}

/** The campaign's named versions, kept up to date as any window names or deletes one. */
export function useVersionList(campaignId: string): VersionList {
  const api = useApi();
  const [versions, setVersions] = useState<VersionSummary[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  useEffect(() => {
    let live = true;
    api.versions.list({ campaignId }).then(
      (list) => {
        if (!live) return;
        setVersions(list);
        setProblem(null);
      },
      (error: unknown) => live && setProblem(describeError(error, 'Listing the versions')),
    );
    return () => {
      live = false;
    };
  }, [api, campaignId, generation]);
  useEffect(
    () => api.on('versions:changed', (p) => p.campaignId === campaignId && reload()),
    [api, campaignId, reload],
  );
  return { versions, problem, reload };
}
