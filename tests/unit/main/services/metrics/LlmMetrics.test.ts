import { describe, expect, it } from 'vitest';
import type { LlmNode } from '../../../../../src/main/services/llm/LlmNode';
import { LlmMetrics } from '../../../../../src/main/services/metrics/LlmMetrics';
import type { LlmStatus } from '../../../../../src/shared/ai/llm';
import { ErrorCode, MailyError } from '../../../../../src/shared/errors';

/** A node that streams a few pieces, stops when aborted, and rejects a request whose first message is "fail". */
function fakeNode(id: string): LlmNode & { emit(status: Partial<LlmStatus>): void } {
  let status: LlmStatus = {
    state: 'ready',
    progress: null,
    modelId: 'tiny.gguf',
    error: null,
    threads: 1,
    gpu: false,
    contextSize: 512,
    running: 0,
    queued: 0,
  };
  const listeners = new Set<(s: LlmStatus) => void>();
  return {
    id,
    status: () => status,
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(change) {
      status = { ...status, ...change };
      for (const listener of listeners) listener(status);
    },
    async generate(request, onText, signal) {
      if (request.messages[0]?.content === 'fail') throw new MailyError(ErrorCode.Internal, 'the model failed');
      let text = '';
      for (const piece of ['Hel', 'lo', ' there']) {
        if (signal?.aborted) return { text, tokens: text.length, stop: 'cancelled', ms: 10 };
        await new Promise((r) => setTimeout(r, 2));
        text += piece;
        onText(piece);
      }
      return { text, tokens: 3, stop: 'done', ms: 100 };
    },
    embed: async (texts) => texts.map(() => new Float32Array(1)),
    modelId: () => 'tiny.gguf',
    dispose: async () => {},
  };
}

const ask = (content: string) => ({ messages: [{ role: 'user' as const, content }], maxTokens: 16 });

describe('LlmMetrics', () => {
  it('counts, times and labels the jobs of an instrumented node', async () => {
    const metrics = new LlmMetrics();
    const inner = fakeNode('local');
    const node = metrics.instrument(inner);
    expect(node.id).toBe('local');

    const pieces: string[] = [];
    const done = await node.generate(ask('hi'), (d) => pieces.push(d));
    expect(done).toMatchObject({ text: 'Hello there', stop: 'done' });
    expect(pieces).toEqual(['Hel', 'lo', ' there']);

    const cancelled = await node.generate(ask('hi'), () => {}, AbortSignal.abort());
    expect(cancelled.stop).toBe('cancelled');
    await expect(node.generate(ask('fail'), () => {})).rejects.toBeInstanceOf(MailyError);

    inner.emit({ running: 1, queued: 2 });
    const text = await metrics.metrics();
    expect(metrics.contentType).toContain('text/plain');

    expect(text).toContain('# HELP maily_llm_requests_total');
    expect(text).toContain('# TYPE maily_llm_requests_total counter');
    expect(text).toContain('maily_llm_requests_total{node="local",outcome="done"} 1');
    expect(text).toContain('maily_llm_requests_total{node="local",outcome="cancelled"} 1');
    expect(text).toContain('maily_llm_requests_total{node="local",outcome="error"} 1');
    expect(text).toContain('# TYPE maily_llm_request_duration_seconds histogram');
    expect(text).toContain('maily_llm_request_duration_seconds_count{node="local"} 3');
    expect(text).toMatch(/maily_llm_request_duration_seconds_bucket\{le="\+Inf",node="local"\} 3/);
    // Only the job that streamed text had a first token.
    expect(text).toContain('maily_llm_time_to_first_token_seconds_count{node="local"} 1');
    expect(text).toContain('maily_llm_tokens_per_second{node="local"} 30');
    expect(text).toContain('maily_llm_queue_depth{node="local"} 2');
    expect(text).toContain('maily_llm_running_jobs{node="local"} 1');
  });

  it('keeps each node apart and stops following the status on dispose', async () => {
    const metrics = new LlmMetrics();
    const a = fakeNode('a');
    const b = fakeNode('b');
    const nodeA = metrics.instrument(a);
    metrics.instrument(b);
    await nodeA.generate(ask('hi'), () => {});
    b.emit({ queued: 4 });
    await nodeA.dispose();
    a.emit({ queued: 9 });

    const text = await metrics.metrics();
    expect(text).toContain('maily_llm_requests_total{node="a",outcome="done"} 1');
    expect(text).not.toContain('maily_llm_requests_total{node="b"');
    expect(text).toContain('maily_llm_queue_depth{node="b"} 4');
    expect(text).toContain('maily_llm_queue_depth{node="a"} 0');
  });
});
