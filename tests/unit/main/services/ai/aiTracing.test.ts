import { afterEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { AiService, type AiEvents } from '../../../../../src/main/services/ai/AiService';
import type { LlmNode } from '../../../../../src/main/services/llm/LlmNode';
import { Tracing } from '../../../../../src/main/services/tracing/Tracing';
import type { AiAction, AiDone, AiFailed } from '../../../../../src/shared/ai/actions';
import type { GenerateRequest, LlmStatus } from '../../../../../src/shared/ai/llm';
import { MailyError } from '../../../../../src/shared/errors';
import { readJourney } from '../../../../../src/shared/journey/ydoc';
import { buildTemplate } from '../../../../../src/shared/templates';

/** A node that answers with fixed JSON, or fails, and records what it was asked. */
function node(answer: string | Error): LlmNode & { requests: GenerateRequest[] } {
  const requests: GenerateRequest[] = [];
  return {
    id: 'ext-gpu',
    requests,
    status: () => ({ state: 'ready' }) as LlmStatus,
    onStatus: () => () => undefined,
    modelId: () => 'tiny.gguf',
    embed: async () => [],
    dispose: async () => undefined,
    async generate(request, onText) {
      requests.push(request);
      if (answer instanceof Error) throw answer;
      onText(answer);
      return { text: answer, tokens: 7, stop: 'done', ms: 1 };
    },
  };
}

const tracings: Tracing[] = [];
afterEach(async () => {
  await Promise.all(tracings.splice(0).map((t) => t.dispose()));
});

function setUp(answer: string | Error, prepare?: () => Promise<void>) {
  const doc = buildTemplate('welcome');
  const tracing = new Tracing();
  tracings.push(tracing);
  const llm = node(answer);
  const ai = new AiService({ read: <T>(_id: string, fn: (d: Y.Doc) => T) => fn(doc), node: llm, tracing, prepare });
  const emailId = readJourney(doc).nodes.find((n) => n.kind === 'email')!.id;
  const run = (action: AiAction) =>
    new Promise<AiDone | AiFailed>((resolve) => {
      const events: AiEvents = { progress: () => undefined, done: resolve, failed: resolve };
      ai.run(action, events);
    });
  return { tracing, llm, run, emailId };
}

describe('AI action traces', () => {
  it('records a span per action with a child span for the LLM job, whose context travels in the job', async () => {
    const answer = JSON.stringify({ suggestions: [{ subject: 'Hello', rationale: 'Short' }] });
    const { tracing, llm, run, emailId } = setUp(answer, async () => undefined);
    const done = await run({ kind: 'subjectLines', campaignId: 'c', emailId, count: 1 });
    expect('result' in done).toBe(true);
    const [summary] = tracing.list();
    expect(summary).toMatchObject({ rootName: 'ai.subjectLines', status: 'ok', nodes: ['ext-gpu'], spanCount: 3 });
    const { spans } = tracing.get(summary.traceId);
    const root = spans.find((s) => s.name === 'ai.subjectLines')!;
    const job = spans.find((s) => s.name === 'llm.job')!;
    expect(spans.find((s) => s.name === 'model.prepare')?.parentSpanId).toBe(root.spanId);
    expect(job.parentSpanId).toBe(root.spanId);
    expect(job.attributes).toMatchObject({ 'maily.node': 'ext-gpu', 'maily.model': 'tiny.gguf', 'maily.tokens': 7 });
    expect(root.attributes).toMatchObject({ 'maily.action': 'subjectLines', 'maily.tokens': 7 });
    // The node got the job span's context: a remote node would continue this very trace.
    expect(llm.requests[0].trace?.traceparent).toBe(`00-${summary.traceId}-${job.spanId}-01`);
  });

  it('marks the action and the job failed with the reason when the node fails', async () => {
    const { tracing, run } = setUp(new MailyError('E_DISCONNECTED', 'Maily could not reach the server.'));
    const failed = await run({ kind: 'reviewJourney', campaignId: 'c' });
    expect('error' in failed).toBe(true);
    const [summary] = tracing.list();
    expect(summary).toMatchObject({ rootName: 'ai.reviewJourney', status: 'error' });
    const { spans } = tracing.get(summary.traceId);
    expect(spans.map((s) => [s.name, s.status])).toEqual([
      ['ai.reviewJourney', 'error'],
      ['llm.job', 'error'],
    ]);
    expect(spans[1].statusMessage).toBe('Maily could not reach the server.');
  });
});
