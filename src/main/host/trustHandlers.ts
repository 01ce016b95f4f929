import { ErrorCode, MailyError } from '../../shared/errors';
import type { Services } from '../services';
import type { Handlers } from './dispatch';

type TrustChannel = Extract<keyof Handlers, `trust:${string}`>;

/** The trust channels (work in progress: wired to the trust service as it lands). */
export function createTrustHandlers(_services: Services): Pick<Handlers, TrustChannel> {
  const notYet = () => {
    throw new MailyError(ErrorCode.Internal, 'Trust certificates are not available in this build yet');
  };
  return {
    'trust:keyStatus': notYet,
    'trust:createKey': notYet,
    'trust:importKey': notYet,
    'trust:unlock': notYet,
    'trust:lock': notYet,
    'trust:sign': notYet,
    'trust:list': notYet,
    'trust:campaignStatus': notYet,
    'trust:revoke': notYet,
    'trust:verify': notYet,
    'trust:qr': notYet,
    'trust:exportFile': notYet,
    'trust:addressBook': notYet,
    'trust:setName': notYet,
    'trust:removeName': notYet,
  };
}
