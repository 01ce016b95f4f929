import { ErrorCode, MailyError } from '../../shared/errors';
import type { Services } from '../services';
import type { Handlers } from './dispatch';

type VersionChannels = 'versions:list' | 'versions:create' | 'versions:get' | 'versions:diff' | 'versions:delete';

const pending = () => {
  throw new MailyError(ErrorCode.Internal, 'Versions are being built.');
};

/** Named versions of a campaign. */
export function createVersionHandlers(_services: Services): Pick<Handlers, VersionChannels> {
  return {
    'versions:list': pending,
    'versions:create': pending,
    'versions:get': pending,
    'versions:diff': pending,
    'versions:delete': pending,
  };
}
