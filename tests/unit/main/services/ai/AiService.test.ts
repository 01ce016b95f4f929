import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { AiService, type AiEvents } from '../../../../../src/main/services/ai/AiService';
import { PROMPT_VERSION } from '../../../../../src/main/services/ai/prompts';
import type { LlmNode } from '../../../../../src/main/services/llm/LlmNode';
import type { AiAction, AiDone, AiFailed } from '../../../../../src/shared/ai/actions';
import type { GenerateRequest, LlmStatus } from '../../../../../src/shared/ai/llm';
import type { MemoryHit } from '../../../../../src/shared/ai/memory';
import { ErrorCode, MailyError } from '../../../../../src/shared/errors';
import { readJourney } from '../../../../../src/shared/journey/ydoc';
import { buildTemplate } from '../../../../../src/shared/templates';

/** A node that "generates" a fixed answer in small pieces, slowly if asked, and obeys stops. */
function scriptedNode(answer: string, pieceMs = 0): LlmNode & { requests: GenerateRequest[] } {
  const requests: GenerateRequest[] = [];
  return {
    id: 'fake',
    requests,
    status: () => ({ state: 'ready' }) as LlmStatus,
    onStatus: () => () => undefined,
    modelId: () => 'tiny.gguf',
    embed: async () => [],
    dispose: async () => undefined,
    async generate(request, onText, signal) {
      requests.push(request);
      let text = '';
      for (let i = 0; i < answer.length; i += 4) {
        if (signal?.aborted) return { text, tokens: i / 4, stop: 'cancelled', ms: 1 };
        if (pieceMs) await new Promise((r) => setTimeout(r, pieceMs));
        const piece = answer.slice(i, i + 4);
        text += piece;
        onText(piece);
      }
      return { text, tokens: Math.ceil(answer.length / 4), stop: 'done', ms: 1 };
    },
  };
}

const memoryHit: MemoryHit = {
  item: {
    id: 'm1',
    kind: 'brandVoice',
    title: 'Voice',
    text: 'Warm, short sentences.',
    createdAt: 0,
    updatedAt: 0,
    embedded: true,
  },
  score: 1,
  textRank: 1,
  vectorRank: 1,
};

function setUp(
  answer: string | ((doc: Y.Doc) => string),
  options: { pieceMs?: number; prepare?: () => Promise<void> } = {},
) {
  const doc = buildTemplate('welcome');
  const node = scriptedNode(typeof answer === 'string' ? answer : answer(doc), options.pieceMs);
  const ai = new AiService({
    read: <T>(_id: string, fn: (d: Y.Doc) => T) => fn(doc),
    node,
    memory: { search: () => [memoryHit] },
    prepare: options.prepare,
    progressEveryMs: 1,
  });
  const emailId = readJourney(doc).nodes.find((n) => n.kind === 'email')!.id;
  return { doc, node, ai, emailId };
}

function run(ai: AiService, action: AiAction) {
  let text = '';
  let settle: (event: AiDone | AiFailed) => void = () => undefined;
  const finished = new Promise<AiDone | AiFailed>((resolve) => (settle = resolve));
  const events: AiEvents = { progress: (p) => (text += p.delta), done: settle, failed: settle };
  const { jobId } = ai.run(action, events);
  return { jobId, finished, text: () => text };
}

describe('AiService', () => {
  it('suggests subject lines from the email, with memory in the prompt and as sources', async () => {
    const answer = JSON.stringify({
      suggestions: [
        { subject: 'Welcome aboard', rationale: 'Warm' },
        { subject: 'Welcome aboard', rationale: 'A duplicate is dropped' },
        { subject: '  Your first step  ', rationale: 'Action' },
      ],
    });
    const { ai, node, emailId } = setUp(answer);
    const job = run(ai, { kind: 'subjectLines', campaignId: 'c', emailId, count: 3 });
    const done = (await job.finished) as AiDone;
    expect(done.result).toEqual({
      kind: 'subjectLines',
      suggestions: [
        { subject: 'Welcome aboard', rationale: 'Warm' },
        { subject: 'Your first step', rationale: 'Action' },
      ],
    });
    expect(job.text()).toBe(answer);
    expect(done).toMatchObject({
      sources: [{ id: 'm1', title: 'Voice' }],
      promptVersion: PROMPT_VERSION,
      stopped: false,
    });
    expect(node.requests[0].jsonSchema).toBeDefined();
    expect(node.requests[0].messages[0].content).toContain('Warm, short sentences.');
    expect(node.requests[0].messages[1].content).toContain('Subject:');
  });

  it('stops a long draft half way and answers with what was written', async () => {
    const { ai, emailId } = setUp('word '.repeat(400), { pieceMs: 2 });
    const job = run(ai, { kind: 'draftEmail', campaignId: 'c', emailId, brief: 'Say hello' });
    await new Promise((r) => setTimeout(r, 60));
    ai.cancel(job.jobId);
    const done = (await job.finished) as AiDone;
    expect(done.stopped).toBe(true);
    expect(done.result.kind).toBe('draftEmail');
    const text = (done.result as { text: string }).text;
    expect(text.length).toBeGreaterThan(0);
    expect(text.length).toBeLessThan('word '.repeat(400).trim().length);
  });

  it('checks journey answers: unknown kinds and step ids are not trusted', async () => {
    const { ai, doc } = setUp(JSON.stringify({ kind: 'rocket', label: 'Follow up', reason: 'No reply yet' }));
    const first = readJourney(doc).nodes[0].id;
    const next = (await run(ai, { kind: 'nextStep', campaignId: 'c', afterNodeId: first }).finished) as AiDone;
    expect(next.result).toEqual({
      kind: 'nextStep',
      suggestion: { kind: 'email', label: 'Follow up', reason: 'No reply yet', afterNodeId: first, port: null },
    });

    const review = setUp((reviewed) =>
      JSON.stringify({
        findings: [
          { nodeId: readJourney(reviewed).nodes[0].id, severity: 'warning', message: 'Too soon' },
          { nodeId: 'made-up', severity: 'info', message: 'About everything' },
        ],
      }),
    );
    const reviewed = (await run(review.ai, { kind: 'reviewJourney', campaignId: 'c' }).finished) as AiDone;
    expect(reviewed.result).toEqual({
      kind: 'reviewJourney',
      findings: [
        { nodeId: readJourney(review.doc).nodes[0].id, severity: 'warning', message: 'Too soon' },
        { nodeId: null, severity: 'info', message: 'About everything' },
      ],
    });
  });

  it('fails with a clear error for a missing email, a block without text, or no model', async () => {
    const { ai, emailId } = setUp('{}');
    const missing = (await run(ai, { kind: 'subjectLines', campaignId: 'c', emailId: 'nope' }).finished) as AiFailed;
    expect(missing.error.code).toBe(ErrorCode.NotFound);
    const block = (await run(ai, { kind: 'rewriteBlock', campaignId: 'c', emailId, blockId: 'nope', style: 'shorter' })
      .finished) as AiFailed;
    expect(block.error.message).toMatch(/no text to rewrite/);
    const noModel = setUp('{}', {
      prepare: async () => {
        throw new MailyError(ErrorCode.NotFound, 'No model yet: open Models to import or download one.');
      },
    });
    const failed = (await run(noModel.ai, { kind: 'reviewJourney', campaignId: 'c' }).finished) as AiFailed;
    expect(failed.error.message).toMatch(/No model yet/);
  });
});

describe('parseResult', () => {
  it('keeps the whole suggestions of an answer cut short', async () => {
    const { parseResult } = await import('../../../../../src/main/services/ai/parseResult');
    const cut =
      '{"suggestions":[{"subject":"One \\"quoted\\"","rationale":"A"},{"subject":"Two","rationale":"B"},{"subject":"Thr';
    expect(parseResult({ kind: 'subjectLines', campaignId: 'c', emailId: 'e' }, cut, { steps: [] })).toEqual({
      kind: 'subjectLines',
      suggestions: [
        { subject: 'One "quoted"', rationale: 'A' },
        { subject: 'Two', rationale: 'B' },
      ],
    });
  });
});
