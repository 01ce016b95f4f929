import { ErrorCode, MailyError } from '../../shared/errors';
import type { Services } from '../services';
import type { Handlers } from './dispatch';

type MeshChannel = Extract<keyof Handlers, `mesh:${string}`>;

/** The mesh channels (work in progress: wired to the mesh service as it lands). */
export function createMeshHandlers(_services: Services): Pick<Handlers, MeshChannel> {
  const notYet = () => {
    throw new MailyError(ErrorCode.Internal, 'The AI mesh is not available in this build yet');
  };
  return {
    'mesh:status': notYet,
    'mesh:getSettings': notYet,
    'mesh:configure': notYet,
    'mesh:dial': notYet,
    'mesh:externalList': notYet,
    'mesh:externalAdd': notYet,
    'mesh:externalUpdate': notYet,
    'mesh:externalRemove': notYet,
  };
}
