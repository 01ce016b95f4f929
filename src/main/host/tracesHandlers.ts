import type { Services } from '../services';
import type { Handlers } from './dispatch';

type TracesChannel = 'traces:list' | 'traces:get';

/** This machine's recent traces (AI actions and the mesh jobs they ran). */
export function createTracesHandlers(services: Services): Pick<Handlers, TracesChannel> {
  const { tracing } = services;
  return {
    'traces:list': (input) => tracing.list(input.limit ?? 50),
    'traces:get': (input) => tracing.get(input.traceId),
  };
}
