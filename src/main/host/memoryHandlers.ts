import { ErrorCode, MailyError } from '../../shared/errors';
import type { Services } from '../services';
import type { Handlers } from './dispatch';

type MemoryChannels = 'memory:list' | 'memory:add' | 'memory:update' | 'memory:remove' | 'memory:search';

// Replaced as each part lands; until then a call says so instead of failing silently.
const pending = () => {
  throw new MailyError(ErrorCode.Internal, 'This part of Maily is being built.');
};

/** The AI's memory. */
export function createMemoryHandlers(_services: Services): Pick<Handlers, MemoryChannels> {
  return {
    'memory:list': pending,
    'memory:add': pending,
    'memory:update': pending,
    'memory:remove': pending,
    'memory:search': pending,
  };
}
