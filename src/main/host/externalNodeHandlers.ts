import { ErrorCode, MailyError } from '../../shared/errors';
import type { Services } from '../services';
import type { Handlers } from './dispatch';

type ExternalChannel = 'mesh:externalList' | 'mesh:externalAdd' | 'mesh:externalUpdate' | 'mesh:externalRemove';

/** External OpenAI-compatible servers as mesh nodes (work in progress). */
export function createExternalNodeHandlers(_services: Services): Pick<Handlers, ExternalChannel> {
  const notYet = () => {
    throw new MailyError(ErrorCode.Internal, 'External servers are not available in this build yet');
  };
  return {
    'mesh:externalList': notYet,
    'mesh:externalAdd': notYet,
    'mesh:externalUpdate': notYet,
    'mesh:externalRemove': notYet,
  };
}
