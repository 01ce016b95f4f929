import type { Services } from '../services';
import type { Handlers } from './dispatch';

type VersionChannels = 'versions:list' | 'versions:create' | 'versions:get' | 'versions:diff' | 'versions:delete';

/** The designer's name from the profile when the services have one, else "You". */
function profileName(services: Services): () => string {
  const { profile } = services as Partial<{ profile: { get(): { name: string } } }>;
  return () => profile?.get().name || 'You';
}

/**
 * Named versions of a campaign. `author` names whoever saves a version; defaults to
 * the profile's name (or "You" without a profile).
 */
export function createVersionHandlers(
  services: Services,
  author: () => string = profileName(services),
): Pick<Handlers, VersionChannels> {
  const { versions } = services;
  return {
    'versions:list': (input) => versions.list(input.campaignId),
    'versions:create': (input) => versions.create(input.campaignId, input.name, author(), input.automatic ?? false),
    'versions:get': (input) => versions.get(input.campaignId, input.versionId),
    'versions:diff': (input) => versions.diff(input.campaignId, input.from, input.to),
    'versions:delete': (input) => versions.delete(input.campaignId, input.versionId),
  };
}
