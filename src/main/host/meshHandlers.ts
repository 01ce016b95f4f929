import { ErrorCode, MailyError } from '../../shared/errors';
import type { Services } from '../services';
import type { Handlers } from './dispatch';

type MeshChannel = 'mesh:status' | 'mesh:getSettings' | 'mesh:configure' | 'mesh:dial';

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
  };
}
