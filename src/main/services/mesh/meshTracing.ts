import type { Tracing } from '../tracing/Tracing';
import type { MeshServiceOptions } from './MeshService';

/**
 * The tracing service as the mesh uses it: a served job continues the caller's trace in a
 * `mesh.serve` span whose spans go back in the job's last frame, and spans a teammate
 * sent back are checked and added to this machine's traces (refused ones are logged).
 */
export function meshTracing(tracing: Tracing, log?: { warn(message: string, detail?: unknown): void }) {
  const adapter: NonNullable<MeshServiceOptions['tracing']> = {
    async serve(trace, attributes, fn) {
      let traceId: string | null = null;
      const result = await tracing.withSpan(
        'mesh.serve',
        tracing.extract(trace),
        attributes,
        async (_span, context) => {
          traceId = tracing.traceIdOf(context);
          return fn(tracing.inject(context));
        },
      );
      return { result, spans: traceId ? tracing.exportSpans(traceId) : [] };
    },
    importSpans(spans, trace, peerId) {
      const traceId = trace.traceparent.split('-')[1];
      if (!traceId) return;
      try {
        tracing.importSpans(traceId, spans, peerId);
      } catch (error) {
        log?.warn(`Spans from mesh peer ${peerId} were refused`, error instanceof Error ? error.message : error);
      }
    },
  };
  return adapter;
}
