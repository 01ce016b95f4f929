import { ErrorCode, MailyError } from '../../shared/errors';
import type { Services } from '../services';
import type { Handlers } from './dispatch';

type ModelChannels =
  | 'models:list'
  | 'models:catalogue'
  | 'models:import'
  | 'models:remove'
  | 'models:setDefault'
  | 'models:download'
  | 'models:downloads'
  | 'models:pause'
  | 'models:resume'
  | 'models:cancel';

// Replaced as each part lands; until then a call says so instead of failing silently.
const pending = () => {
  throw new MailyError(ErrorCode.Internal, 'This part of Maily is being built.');
};

/** Model files: list, import, download. */
export function createModelHandlers(_services: Services): Pick<Handlers, ModelChannels> {
  return {
    'models:list': pending,
    'models:catalogue': pending,
    'models:import': pending,
    'models:remove': pending,
    'models:setDefault': pending,
    'models:download': pending,
    'models:downloads': pending,
    'models:pause': pending,
    'models:resume': pending,
    'models:cancel': pending,
  };
}
