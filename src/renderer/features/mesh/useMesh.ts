import { useCallback, useEffect, useState } from 'react';
import type { LlmStatus } from '../../../shared/ai/llm';
import type { ExternalNodeView, MeshSettings, MeshStatus } from '../../../shared/mesh/mesh';
import { messageOf } from '../../../shared/errors';
import { useApi } from '../../app/BackendContext';

/** What the mesh view shows, kept up to date by the host's events. */
export interface MeshState {
  /** The mesh's status, or null while it is loading or when the host cannot give it. */
  status: MeshStatus | null;
  /** Why the mesh's status could not be read (the mesh is not available, the host failed). */
  statusError: string | null;
  settings: MeshSettings | null;
  externals: ExternalNodeView[] | null;
  externalsError: string | null;
  /** This machine's LLM node, shown in the centre when the mesh does not answer. */
  local: LlmStatus | null;
  /** Re-reads the status (after a change made here). */
  refresh(): void;
  /** Takes a status a request answered with. */
  setStatus(status: MeshStatus): void;
}

/** The mesh's status and settings, the external servers and the local node, live. */
export function useMesh(): MeshState {
  const api = useApi();
  const [status, setStatusValue] = useState<MeshStatus | null>(null);
  const [statusError, setStatusError] = useState<string | null>(null);
  const [settings, setSettings] = useState<MeshSettings | null>(null);
  const [externals, setExternals] = useState<ExternalNodeView[] | null>(null);
  const [externalsError, setExternalsError] = useState<string | null>(null);
  const [local, setLocal] = useState<LlmStatus | null>(null);

  const setStatus = useCallback((next: MeshStatus) => {
    setStatusValue(next);
    setStatusError(null);
  }, []);
  const refresh = useCallback(() => {
    api.mesh.status({}).then(setStatus, (error: unknown) => setStatusError(messageOf(error)));
    api.mesh.getSettings({}).then(setSettings, () => setSettings(null)); // the form says why without them
  }, [api, setStatus]);
  const reloadExternals = useCallback(() => {
    api.mesh.externalList({}).then(
      (list) => {
        setExternals(list);
        setExternalsError(null);
      },
      (error: unknown) => setExternalsError(messageOf(error)),
    );
  }, [api]);

  useEffect(() => {
    refresh();
    reloadExternals();
    api.llm.status({}).then(setLocal, () => setLocal(null));
    const offs = [
      api.on('mesh:changed', setStatus),
      api.on('mesh:externalChanged', reloadExternals),
      api.on('llm:changed', setLocal),
    ];
    return () => offs.forEach((off) => off());
  }, [api, refresh, reloadExternals, setStatus]);

  return { status, statusError, settings, externals, externalsError, local, refresh, setStatus };
}
