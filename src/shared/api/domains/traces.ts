import { z } from 'zod';
import { traceIdSchema, type SpanView, type TraceSummary } from '../../tracing/traces';
import { request, returns } from '../define';

/**
 * The traces channels and events of the contract (spread into `requests`, `EventPayloads`
 * and `eventNames` in `../contract.ts`): this machine's recent traces, with the spans
 * peers sent back for the jobs they ran.
 */

export const tracesRequests = {
  /** The most recent traces first. `limit` defaults to 50. */
  'traces:list': request(z.object({ limit: z.number().int().min(1).max(500).optional() }), returns<TraceSummary[]>()),
  /** One trace with its spans by start time; E_NOT_FOUND once it is no longer kept. */
  'traces:get': request(z.object({ traceId: traceIdSchema }), returns<{ trace: TraceSummary; spans: SpanView[] }>()),
} as const;

export interface TracesEvents {
  /** Spans were added to a trace (throttled per trace). */
  'traces:changed': { traceId: string };
}

export const tracesEventNames = ['traces:changed'] as const satisfies readonly (keyof TracesEvents)[];
