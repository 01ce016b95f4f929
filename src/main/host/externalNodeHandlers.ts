import type { Services } from '../services';
import type { Handlers } from './dispatch';

type ExternalChannel = 'mesh:externalList' | 'mesh:externalAdd' | 'mesh:externalUpdate' | 'mesh:externalRemove';

/** External OpenAI-compatible servers as mesh nodes: the list, with keys never returned. */
export function createExternalNodeHandlers(services: Services): Pick<Handlers, ExternalChannel> {
  const { externalNodes } = services;
  return {
    'mesh:externalList': () => externalNodes.list(),
    'mesh:externalAdd': (input) => externalNodes.add(input),
    'mesh:externalUpdate': ({ id, ...input }) => externalNodes.update(id, input),
    'mesh:externalRemove': (input) => externalNodes.remove(input.id),
  };
}
