import { useCallback, useEffect, useRef, useState } from 'react';
import * as Y from 'yjs';
import { diffDocs } from '../../../shared/collab/versionDiff';
import { CURRENT_VERSION, type VersionDiff, type VersionRef } from '../../../shared/collab/versions';
import type { MailyApi } from '../../../shared/api/client';
import { useApi } from '../../app/BackendContext';
import { describeError } from './describeError';

/** How long the diff waits after an edit before it is worked out again. */
const REFRESH_MS = 200;

/** Loads a version's document, fetching each once (a version never changes); stable per campaign. */
export function useVersionDocs(campaignId: string) {
  const api = useApi();
  const cache = useRef(new Map<string, Promise<Y.Doc>>());
  useEffect(() => {
    const docs = cache.current;
    return () => {
      for (const doc of docs.values())
        void doc.then(
          (d) => d.destroy(),
          () => undefined,
        );
      docs.clear();
    };
  }, [campaignId]);
  return useCallback((versionId: string) => versionDoc(api, cache.current, campaignId, versionId), [api, campaignId]);
}

function versionDoc(api: MailyApi, cache: Map<string, Promise<Y.Doc>>, campaignId: string, versionId: string) {
  let found = cache.get(versionId);
  if (!found) {
    found = api.versions.get({ campaignId, versionId }).then(({ state }) => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, state);
      return doc;
    });
    // A failed fetch (say, a dropped connection) is retried next time.
    found.catch(() => cache.delete(versionId));
    cache.set(versionId, found);
  }
  return found;
}

/**
 * What changed from `from` to `to` (version ids or `current`), worked out here with
 * the editor's own document as "current", so it follows every edit as it is made.
 */
export function useVersionDiff(
  doc: Y.Doc,
  load: (versionId: string) => Promise<Y.Doc>,
  from: VersionRef | null,
  to: VersionRef | null,
): { diff: VersionDiff | null; problem: string | null } {
  const [state, setState] = useState<{ diff: VersionDiff | null; problem: string | null }>({
    diff: null,
    problem: null,
  });
  useEffect(() => {
    if (!from || !to) return setState({ diff: null, problem: null });
    let live = true;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const side = (ref: VersionRef) => (ref === CURRENT_VERSION ? Promise.resolve(doc) : load(ref));
    const compute = () => {
      Promise.all([side(from), side(to)]).then(
        ([a, b]) => live && setState({ diff: diffDocs(a, b, { from, to }), problem: null }),
        (error: unknown) => live && setState({ diff: null, problem: describeError(error, 'Comparing the versions') }),
      );
    };
    compute();
    const onUpdate = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(compute, REFRESH_MS);
    };
    const followsEdits = from === CURRENT_VERSION || to === CURRENT_VERSION;
    if (followsEdits) doc.on('update', onUpdate);
    return () => {
      live = false;
      if (timer) clearTimeout(timer);
      if (followsEdits) doc.off('update', onUpdate);
    };
  }, [doc, load, from, to]);
  return state;
}
