import type { Services } from '../services';
import type { Handlers } from './dispatch';

type SignalingChannels = 'signaling:get' | 'signaling:configure';

/** The built-in signaling server: its status, and settings that start, stop or move it. */
export function createSignalingHandlers(services: Services): Pick<Handlers, SignalingChannels> {
  return {
    'signaling:get': () => services.signaling.status(),
    // Resolves once the server runs (or failed to): the answer is the state the UI should show.
    'signaling:configure': (input) => services.signaling.configure(input),
  };
}
