import type { Services } from '../services';
import type { Handlers } from './dispatch';

type WalletChannel =
  'wallet:status' | 'wallet:configure' | 'wallet:pair' | 'wallet:disconnect' | 'wallet:queue' | 'wallet:cancelQueued';

/** The WalletConnect channels: the designer's own wallet (pairing, session, offline queue). */
export function createWalletHandlers(services: Services): Pick<Handlers, WalletChannel> {
  const { wallet } = services;
  return {
    'wallet:status': () => wallet.status(),
    'wallet:configure': (input) => wallet.configure(input),
    'wallet:pair': () => wallet.pair(),
    'wallet:disconnect': () => wallet.disconnect(),
    'wallet:queue': () => wallet.queue(),
    'wallet:cancelQueued': (input) => wallet.cancelQueued(input.id),
  };
}
