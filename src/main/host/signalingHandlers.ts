import { ErrorCode, MailyError } from '../../shared/errors';
import type { Services } from '../services';
import type { Handlers } from './dispatch';

type SignalingChannels = 'signaling:get' | 'signaling:configure';

const pending = () => {
  throw new MailyError(ErrorCode.Internal, 'The signaling server is being built.');
};

/** The built-in signaling server. */
export function createSignalingHandlers(_services: Services): Pick<Handlers, SignalingChannels> {
  return { 'signaling:get': pending, 'signaling:configure': pending };
}
