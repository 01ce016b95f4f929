import type { Services } from '../services';
import type { Handlers } from './dispatch';

type MemoryChannels = 'memory:list' | 'memory:add' | 'memory:update' | 'memory:remove' | 'memory:search';

/** The AI's memory: items the designer manages, and the hybrid search the AI panel previews. */
export function createMemoryHandlers(services: Services): Pick<Handlers, MemoryChannels> {
  const { memory } = services;
  return {
    'memory:list': (input) => memory.list(input.query),
    'memory:add': ({ kind, title, text }) => memory.add({ kind, title, text }),
    'memory:update': ({ id, kind, title, text }) => memory.update(id, { kind, title, text }),
    'memory:remove': (input) => memory.remove(input.id),
    'memory:search': (input) => memory.search(input.query, input.limit),
  };
}
