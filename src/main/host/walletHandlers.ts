import { ErrorCode, MailyError } from '../../shared/errors';
import type { Services } from '../services';
import type { Handlers } from './dispatch';

type WalletChannel =
  'wallet:status' | 'wallet:configure' | 'wallet:pair' | 'wallet:disconnect' | 'wallet:queue' | 'wallet:cancelQueued';

/** The WalletConnect channels (work in progress: wired to the wallet service as it lands). */
export function createWalletHandlers(_services: Services): Pick<Handlers, WalletChannel> {
  const notYet = () => {
    throw new MailyError(ErrorCode.Internal, 'WalletConnect is not available in this build yet');
  };
  return {
    'wallet:status': notYet,
    'wallet:configure': notYet,
    'wallet:pair': notYet,
    'wallet:disconnect': notYet,
    'wallet:queue': notYet,
    'wallet:cancelQueued': notYet,
  };
}
