import type { Services } from '../services';
import type { Handlers } from './dispatch';

type TrustChannel = Extract<keyof Handlers, `trust:${string}`>;

/**
 * The trust channels, onto the trust service. No handler returns a private key: key
 * channels answer the key's status (state and address) only.
 */
export function createTrustHandlers(services: Services): Pick<Handlers, TrustChannel> {
  const { trust } = services;
  return {
    'trust:keyStatus': () => trust.keyStatus(),
    'trust:createKey': (input) => trust.createKey(input.passphrase, input.replace),
    'trust:importKey': (input) =>
      trust.importKey(
        input.privateKey !== undefined ? { privateKey: input.privateKey } : { mnemonic: input.mnemonic ?? '' },
        input.passphrase,
        input.replace,
      ),
    'trust:unlock': (input) => trust.unlock(input.passphrase),
    'trust:lock': () => trust.lock(),
    'trust:sign': (input) => trust.sign(input),
    'trust:list': (input) => trust.list(input.campaignId),
    'trust:campaignStatus': (input) => trust.campaignStatus(input.campaignId),
    'trust:revoke': (input) => trust.revoke(input.campaignId, input.uid, input.reason, input.signer),
    'trust:verify': (input) => trust.verify(input.link),
    'trust:qr': (input) => trust.qr(input.campaignId, input.uid),
    'trust:exportFile': (input) => trust.exportFile(input.campaignId, input.uid),
    'trust:addressBook': (input) => trust.addressBook(input.teamId),
    'trust:setName': (input) => trust.setName(input.teamId, input.address, input.name),
    'trust:removeName': (input) => trust.removeName(input.teamId, input.address),
  };
}
