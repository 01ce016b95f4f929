import type { AiDone, AiProgress } from '../../shared/ai/actions';
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
        progress: (payload) => emit?.('ai:progress', payload.node ? withNodeName(services, payload) : payload),
        done: (payload) => emit?.('ai:done', withServedBy(services, payload)),
        failed: (payload) => emit?.('ai:failed', payload),
      });
    },
    'ai:cancel': (input) => services.ai.cancel(input.jobId),
  };
}

/** Names the teammates' nodes that wrote a result, so the window can say where it ran. */
function withServedBy(services: Services, done: AiDone): AiDone {
  const ids = done.nodes ?? [];
  if (!ids.length || ids.every((id) => id === services.llm.id)) return done;
  const names = new Map(services.mesh.status().nodes.map((n) => [n.id, n.name]));
  return { ...done, servedBy: ids.map((id) => names.get(id) ?? 'a teammate’s desktop') };
}

/** Names the node a job was assigned to (null for this desktop's own). */
function withNodeName(services: Services, progress: AiProgress): AiProgress {
  const id = progress.node!.id;
  if (id === services.llm.id) return progress;
  const name = services.mesh.status().nodes.find((n) => n.id === id)?.name ?? 'a teammate’s desktop';
  return { ...progress, node: { id, name } };
}
