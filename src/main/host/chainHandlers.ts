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
 * The optional chain channels. The content hash to anchor or compare is the stored
 * certificate's (from the trust service) when a campaign is named, else the one given;
 * the chain service checks everything else (off, wrong chain, no contract, …).
 */
export function createChainHandlers(services: Services): Pick<Handlers, ChainChannel> {
  const { chain } = services;
  /** The content hash of certificate `uid`: the stored one, which a given one must equal. */
  const contentHashOf = (input: { campaignId?: string; uid: string; contentHash?: string }): string | undefined => {
    if (!input.campaignId) return input.contentHash;
    const stored = services.trust.list(input.campaignId).certificates.find((c) => c.uid.toLowerCase() === input.uid);
    if (!stored) throw new MailyError(ErrorCode.NotFound, 'This certificate is not in the campaign any more.');
    const hash = stored.contentHash.toLowerCase();
    if (input.contentHash && input.contentHash !== hash)
      throw new MailyError(ErrorCode.InvalidInput, 'That content hash is not the certificate’s.');
    return hash;
  };
  return {
    'chain:getSettings': () => chain.getSettings(),
    'chain:configure': (input) => chain.configure(input),
    'chain:check': () => chain.check(),
    'chain:anchor': (input) => {
      const contentHash = contentHashOf(input);
      if (!contentHash)
        throw new MailyError(ErrorCode.InvalidInput, 'Name the certificate’s campaign, or give its content hash.');
      return chain.anchor({ uid: input.uid, contentHash });
    },
    'chain:revoke': (input) => chain.revoke(input),
    'chain:status': (input) => chain.status(input.uid, contentHashOf(input)),
    'chain:rewards': ({ address }) => chain.rewardHistory(address),
  };
}
