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

/** Teams, sharing, rooms and the designer's profile. */
export function createCollabHandlers(services: Services): Pick<Handlers, CollabChannels> {
  const { teams, campaigns, profile } = services;
  return {
    'teams:list': () => teams.list(),
    'teams:create': (input) => teams.create(input.name, input.signaling, input.iceServers),
    'teams:join': (input) => teams.join(input.invite),
    'teams:invite': (input) => teams.invite(input.teamId, input.campaignId),
    'teams:update': (input) => teams.update(input.teamId, input.signaling, input.iceServers),
    'teams:leave': (input) => teams.leave(input.teamId),
    'campaigns:share': (input) => {
      if (input.teamId) teams.get(input.teamId); // E_NOT_FOUND for a team this device left
      return campaigns.share(input.id, input.teamId);
    },
    'collab:room': (input) => teams.room(input.campaignId),
    'profile:get': () => profile.get(),
    'profile:set': (input) => profile.set(input),
  };
}
