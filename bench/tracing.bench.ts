import { Tracing } from '../src/main/services/tracing/Tracing';
import { percentile, round, writeResult, type BenchResult } from './results';

const ROUNDS = 5_000;

/**
 * What tracing adds to an AI action: the action's span with a prepare and an LLM-job
 * child, the job's trace context injected and extracted on the "remote" side, whose span
 * is exported and imported back (as a mesh job does). And the check of a peer's largest
 * allowed batch (64 spans). Times per round, in ms.
 */
export async function runTracingBench(): Promise<BenchResult> {
  const caller = new Tracing();
  const remote = new Tracing();
  const perAction: number[] = [];
  const perImport: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const started = performance.now();
    await caller.withSpan('ai.subjectLines', undefined, { 'maily.action': 'subjectLines' }, async (_s, ctx) => {
      await caller.withSpan('model.prepare', ctx, {}, async () => undefined);
      await caller.withSpan('llm.job', ctx, { 'maily.node': 'peer' }, async (_job, jobCtx) => {
        const carrier = caller.inject(jobCtx)!;
        const parent = remote.extract(carrier);
        const { span } = remote.startSpan('llm.serve', parent, { 'maily.node': 'local' });
        span.end();
        const traceId = remote.traceIdOf(parent)!;
        caller.importSpans(traceId, remote.exportSpans(traceId), 'peer-id');
      });
    });
    perAction.push(performance.now() - started);
  }
  // A fresh trace id per round (the store keeps one trace), batches built before the clock starts.
  const store = new Tracing({ maxTraces: 1 });
  const batches = Array.from({ length: 1_000 }, (_, round) => {
    const traceId = round.toString(16).padStart(32, '0');
    const spans = Array.from({ length: 64 }, (_, i) => ({
      traceId,
      spanId: i.toString(16).padStart(16, '0'),
      parentSpanId: null,
      name: 'llm.serve',
      start: 1,
      end: 2,
      status: 'ok',
      statusMessage: null,
      attributes: { 'maily.node': 'local', 'maily.tokens': 42, 'maily.model': 'tiny.gguf' },
    }));
    return { traceId, spans };
  });
  for (const { traceId, spans } of batches) {
    const started = performance.now();
    store.importSpans(traceId, spans, 'peer-id');
    perImport.push(performance.now() - started);
  }
  await store.dispose();
  await caller.dispose();
  await remote.dispose();
  return writeResult(
    'tracing',
    {
      actionTraceP50Ms: round(percentile(perAction, 50), 3),
      actionTraceP95Ms: round(percentile(perAction, 95), 3),
      import64SpansP50Ms: round(percentile(perImport, 50), 3),
      import64SpansP95Ms: round(percentile(perImport, 95), 3),
    },
    { actionTraceP95Ms: 1 },
    'Per AI action: 3 local spans + inject/extract + a remote span exported and imported back. Target: well under a token’s time (1 ms).',
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await runTracingBench();
