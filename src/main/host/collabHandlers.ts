import { ErrorCode, MailyError } from '../../shared/errors';
import type { Services } from '../services';
import type { Handlers } from './dispatch';

type CollabChannels =
  | 'teams:list'
  | 'teams:create'
  | 'teams:join'
  | 'teams:invite'
  | 'teams:update'
  | 'teams:leave'
  | 'campaigns:share'
  | 'collab:room'
  | 'profile:get'
  | 'profile:set';

const pending = () => {
  throw new MailyError(ErrorCode.Internal, 'Teams are being built.');
};

/** Teams, sharing, rooms and the designer's profile. */
export function createCollabHandlers(_services: Services): Pick<Handlers, CollabChannels> {
  return {
    'teams:list': pending,
    'teams:create': pending,
    'teams:join': pending,
    'teams:invite': pending,
    'teams:update': pending,
    'teams:leave': pending,
    'campaigns:share': pending,
    'collab:room': pending,
    'profile:get': pending,
    'profile:set': pending,
  };
}
