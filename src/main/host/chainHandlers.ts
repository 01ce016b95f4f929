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

/**
 * The optional chain channels. The content hash to anchor or compare comes from the
 * input; the chain service checks everything else (off, wrong chain, no contract, …).
 */
export function createChainHandlers(services: Services): Pick<Handlers, ChainChannel> {
  const { chain } = services;
  return {
    'chain:getSettings': () => chain.getSettings(),
    'chain:configure': (input) => chain.configure(input),
    'chain:check': () => chain.check(),
    'chain:anchor': ({ uid, contentHash }) => {
      if (!contentHash)
        throw new MailyError(ErrorCode.InvalidInput, 'Give the certificate’s content hash to anchor it.');
      return chain.anchor({ uid, contentHash });
    },
    'chain:revoke': (input) => chain.revoke(input),
    'chain:status': ({ uid, contentHash }) => chain.status(uid, contentHash),
    'chain:rewards': ({ address }) => chain.rewardHistory(address),
  };
}
