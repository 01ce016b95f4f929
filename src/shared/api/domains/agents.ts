import { z } from 'zod';
import {
  MAX_REQUEST_CHARS,
  type AgentPlan,
  type AgentProgress,
  type AgentRun,
  type LandResult,
} from '../../agents/plan';
import { id, request, returns } from '../define';

/**
 * The agents channels and events of the contract (spread into `requests`, `EventPayloads`
 * and `eventNames` in `../contract.ts`): plan a request, run the plan across the mesh,
 * follow it, stop it, and land its emails on the canvas.
 */

const requestText = z
  .string()
  .trim()
  .min(1, 'Say what the agents should do, e.g. “draft a 3-email welcome series”')
  .max(MAX_REQUEST_CHARS, `Use at most ${MAX_REQUEST_CHARS} characters`);

export const agentsRequests = {
  'agents:plan': request(z.object({ campaignId: id, request: requestText }), returns<AgentPlan>()),
  'agents:run': request(
    z.object({ campaignId: id, planId: id, autoLand: z.boolean().optional() }),
    returns<{ runId: string }>(),
  ),
  'agents:cancel': request(z.object({ runId: id }), returns<{ runId: string }>()),
  'agents:land': request(z.object({ runId: id }), returns<LandResult>()),
  'agents:get': request(z.object({ runId: id }), returns<AgentRun>()),
  /** Takes a landing back: removes the steps (and email bodies) it added, in one update. */
  'agents:unland': request(z.object({ runId: id }), returns<{ removed: number }>()),
} as const;

export interface AgentsEvents {
  /** A subtask of a run changed status or streamed text (only to the session that started the run). */
  'agents:progress': AgentProgress;
}

export const agentsEventNames = ['agents:progress'] as const satisfies readonly (keyof AgentsEvents)[];
