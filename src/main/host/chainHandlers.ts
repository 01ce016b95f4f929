import { ErrorCode, MailyError } from '../../shared/errors';
import type { Services } from '../services';
import type { Handlers } from './dispatch';

type ChainChannel =
  | 'chain:getSettings'
  | 'chain:configure'
  | 'chain:check'
  | 'chain:anchor'
  | 'chain:revoke'
  | 'chain:status'
  | 'chain:rewards';

/** The optional chain channels (work in progress: wired to the chain service as it lands). */
export function createChainHandlers(_services: Services): Pick<Handlers, ChainChannel> {
  const notYet = () => {
    throw new MailyError(ErrorCode.Internal, 'Chain anchoring is not available in this build yet');
  };
  return {
    'chain:getSettings': notYet,
    'chain:configure': notYet,
    'chain:check': notYet,
    'chain:anchor': notYet,
    'chain:revoke': notYet,
    'chain:status': notYet,
    'chain:rewards': notYet,
  };
}
