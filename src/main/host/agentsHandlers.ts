import type { Services } from '../services';
import type { SessionState } from './createHost';
import type { Handlers } from './dispatch';

/** The agents: a run's progress goes to the one window that started it. */
export function createAgentsHandlers(
  services: Services,
  sessions: Map<string, SessionState>,
): Pick<Handlers, 'agents:plan' | 'agents:run' | 'agents:cancel' | 'agents:land' | 'agents:get' | 'agents:unland'> {
  return {
    'agents:plan': (input) => services.agents.plan(input.campaignId, input.request),
    'agents:run': (input, ctx) => {
      const emit = sessions.get(ctx.sessionId)?.emit;
      return services.agents.run(
        input.campaignId,
        input.planId,
        { progress: (payload) => emit?.('agents:progress', payload) },
        input.autoLand ?? false,
      );
    },
    'agents:cancel': (input) => services.agents.cancel(input.runId),
    'agents:land': (input) => services.agents.land(input.runId),
    'agents:get': (input) => services.agents.get(input.runId),
    'agents:unland': (input) => services.agents.unland(input.runId),
  };
}
