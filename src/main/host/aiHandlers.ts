import type { Services } from '../services';
import type { SessionState } from './createHost';
import type { Handlers } from './dispatch';

/** The AI actions: a job's events go to the one window that started it. */
export function createAiHandlers(
  services: Services,
  sessions: Map<string, SessionState>,
): Pick<Handlers, 'ai:run' | 'ai:cancel'> {
  return {
    'ai:run': (input, ctx) => {
      const emit = sessions.get(ctx.sessionId)?.emit;
      return services.ai.run(input.action, {
        progress: (payload) => emit?.('ai:progress', payload),
        done: (payload) => emit?.('ai:done', payload),
        failed: (payload) => emit?.('ai:failed', payload),
      });
    },
    'ai:cancel': (input) => services.ai.cancel(input.jobId),
  };
}
