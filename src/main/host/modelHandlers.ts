import type { Services } from '../services';
import type { Handlers } from './dispatch';

type ModelChannels =
  | 'models:list'
  | 'models:catalogue'
  | 'models:import'
  | 'models:remove'
  | 'models:setDefault'
  | 'models:download'
  | 'models:downloads'
  | 'models:pause'
  | 'models:resume'
  | 'models:cancel';

/** Model files: list, import, remove, the default, the catalogue and downloads. */
export function createModelHandlers(services: Services): Pick<Handlers, ModelChannels> {
  const { models } = services;
  return {
    'models:list': () => models.list(),
    'models:catalogue': () => models.catalogue(),
    'models:import': ({ path }) => models.importFile(path),
    'models:remove': ({ modelId }) => models.remove(modelId),
    'models:setDefault': ({ modelId }) => models.setDefault(modelId),
    'models:download': ({ source, sha256 }) => models.downloads.start(source, sha256),
    'models:downloads': () => models.downloads.list(),
    'models:pause': ({ downloadId }) => models.downloads.pause(downloadId),
    'models:resume': ({ downloadId }) => models.downloads.resume(downloadId),
    'models:cancel': ({ downloadId }) => models.downloads.cancel(downloadId),
  };
}
