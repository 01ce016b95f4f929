import { useCallback, useState } from 'react';
import type * as Y from 'yjs';
import { restoreVersion } from '../../../shared/collab/restoreVersion';
import type { VersionSummary } from '../../../shared/collab/versions';
import { useApi } from '../../app/BackendContext';
import { describeError } from './describeError';
import { beforeRestoreName } from './formatting';

export type RestoreState =
  | { kind: 'idle' }
  | { kind: 'working'; name: string }
  | { kind: 'done'; name: string; savedAs: string }
  | { kind: 'failed'; message: string };

interface Options {
  doc: Y.Doc;
  campaignId: string;
  origin: object;
  whenSaved: () => Promise<boolean>;
  load: (versionId: string) => Promise<Y.Doc>;
}

/**
 * Restoring a version: first the campaign as it is now is saved as an automatic
 * version ("Before restoring …"), then the version is written into the live document
 * as one ordinary edit with the canvas editor's origin, so it syncs like any edit and
 * the canvas's undo takes it back.
 */
export function useRestore({ doc, campaignId, origin, whenSaved, load }: Options) {
  const api = useApi();
  const [state, setState] = useState<RestoreState>({ kind: 'idle' });
  const restore = useCallback(
    async (version: VersionSummary) => {
      setState({ kind: 'working', name: version.name });
      try {
        if (!(await whenSaved())) {
          setState({
            kind: 'failed',
            message:
              'Your latest edits are not saved yet, so nothing was restored. Wait until the header shows “Saved”, then restore again.',
          });
          return;
        }
        const savedAs = beforeRestoreName(version.name);
        await api.versions.create({ campaignId, name: savedAs, automatic: true });
        const target = await load(version.id);
        restoreVersion(doc, target, origin);
        setState({ kind: 'done', name: version.name, savedAs });
      } catch (error) {
        setState({ kind: 'failed', message: `Nothing was restored. ${describeError(error, 'Restoring')}` });
      }
    },
    [api, campaignId, doc, origin, load, whenSaved],
  );
  const dismiss = useCallback(() => setState({ kind: 'idle' }), []);
  return { state, restore, dismiss };
}
