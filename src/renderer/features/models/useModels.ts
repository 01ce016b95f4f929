import { useCallback, useEffect, useState } from 'react';
import type { CatalogueEntry, DownloadView, ModelInfo } from '../../../shared/ai/models';
import { useApi } from '../../app/BackendContext';
import { messageOf } from '../../../shared/errors';

/** What the models page shows, kept up to date by the host's events. */
export interface ModelsState {
  models: ModelInfo[] | null;
  catalogue: CatalogueEntry[];
  downloads: DownloadView[];
  problem: string | null;
}

/** The models folder, the catalogue and the downloads; re-read when any window changes them. */
export function useModels(): ModelsState {
  const api = useApi();
  const [models, setModels] = useState<ModelInfo[] | null>(null);
  const [catalogue, setCatalogue] = useState<CatalogueEntry[]>([]);
  const [downloads, setDownloads] = useState<DownloadView[]>([]);
  const [problem, setProblem] = useState<string | null>(null);

  const reload = useCallback(() => {
    api.models.list({}).then(
      (list) => {
        setModels(list);
        setProblem(null);
      },
      (error: unknown) => setProblem(messageOf(error)),
    );
  }, [api]);

  useEffect(() => {
    reload();
    api.models.catalogue({}).then(setCatalogue, () => setCatalogue([])); // the page works without it
    api.models.downloads({}).then(setDownloads, (error: unknown) => setProblem(messageOf(error)));
    const offChanged = api.on('models:changed', reload);
    const offDownload = api.on('models:download', (view) => {
      setDownloads((list) => {
        const at = list.findIndex((d) => d.id === view.id);
        return at < 0 ? [...list, view] : list.map((d, i) => (i === at ? view : d));
      });
    });
    return () => {
      offChanged();
      offDownload();
    };
  }, [api, reload]);

  return { models, catalogue, downloads, problem };
}
