import { describe, expect, it } from 'vitest';
import type { GenerateRequest, GenerateResult, LlmStatus } from '../../../../../src/shared/ai/llm';
import { ErrorCode, MailyError } from '../../../../../src/shared/errors';
import type { LlmNode } from '../../../../../src/main/services/llm/LlmNode';
import { MeshRouter, type MeshMember } from '../../../../../src/main/services/mesh/MeshRouter';

/** A scripted node: streams its words, then ends as told. Stands in for real nodes in routing logic only. */
function scripted(id: string, words: string[], end: 'done' | MailyError = 'done') {
  const requests: GenerateRequest[] = [];
  const status: LlmStatus = {
    ...{ state: 'ready', progress: null, modelId: 'm', error: null, threads: 1, gpu: false },
    ...{ contextSize: 2048, running: 0, queued: 0 },
  };
  const node: LlmNode = {
    id,
    status: () => status,
    onStatus: () => () => undefined,
    modelId: () => 'm',
    embed: async () => [],
    dispose: async () => undefined,
    async generate(request, onText, signal): Promise<GenerateResult> {
      requests.push(request);
      let text = '';
      for (const word of words) {
        if (signal?.aborted) return { text, tokens: text.length, stop: 'cancelled', ms: 1 };
        await new Promise((r) => setTimeout(r, 1));
        text += word;
        onText(word);
      }
      if (end !== 'done') throw end;
      return { text, tokens: words.length, stop: 'done', ms: 5 };
    },
  };
  return { node, requests };
}

const member = (node: LlmNode, over: Partial<MeshMember> = {}): MeshMember => ({
  node,
  kind: 'peer',
  name: node.id,
  models: [{ id: 'm', contextSize: 2048 }],
  slots: 1,
  roundTripMs: 1,
  ...over,
});

const ask: GenerateRequest = { messages: [{ role: 'user', content: 'hi' }], maxTokens: 50 };

describe('MeshRouter', () => {
  it('sends a job to the fastest node and prefers the local node on a near tie', async () => {
    const slow = scripted('slow', ['a']);
    const fast = scripted('fast', ['b']);
    const local = scripted('local', ['c']);
    const router = new MeshRouter({
      members: () => [
        member(slow.node, { tokensPerSecond: 5 }),
        member(fast.node, { tokensPerSecond: 50 }),
        member(local.node, { kind: 'local', tokensPerSecond: 49, roundTripMs: 0 }),
      ],
    });
    const result = await router.generate(ask, () => undefined);
    expect(result.nodes).toEqual(['local']);
  });

  it('continues on the next node from the text already received when a node leaves mid-answer', async () => {
    const leaving = scripted('leaving', ['Hello ', 'there, '], new MailyError(ErrorCode.Disconnected, 'left'));
    const next = scripted('next', ['friend.']);
    const router = new MeshRouter({
      members: () => [member(leaving.node, { tokensPerSecond: 100 }), member(next.node, { tokensPerSecond: 10 })],
    });
    const streamed: string[] = [];
    const routes: string[] = [];
    const result = await router.generate({ ...ask, onRoute: (id) => routes.push(id) }, (d) => streamed.push(d));
    expect(routes).toEqual(['leaving', 'next']); // told where it runs, as it moves
    expect(result).toMatchObject({ text: 'Hello there, friend.', stop: 'done', nodes: ['leaving', 'next'] });
    expect(streamed.join('')).toBe('Hello there, friend.');
    expect(next.requests[0]).toMatchObject({ continueFrom: 'Hello there, ', maxTokens: 48 });
  });

  it('does not retry a job the node refused as invalid', async () => {
    const refusing = scripted('refusing', [], new MailyError(ErrorCode.InvalidInput, 'bad schema'));
    const other = scripted('other', ['x']);
    const router = new MeshRouter({
      members: () => [member(refusing.node, { tokensPerSecond: 100 }), member(other.node, { tokensPerSecond: 1 })],
    });
    await expect(router.generate(ask, () => undefined)).rejects.toMatchObject({ code: ErrorCode.InvalidInput });
    expect(other.requests).toHaveLength(0);
  });

  it('says what to do when no node has a model, and when every node failed', async () => {
    const none = new MeshRouter({ members: () => [member(scripted('x', []).node, { models: [] })] });
    await expect(none.generate(ask, () => undefined)).rejects.toMatchObject({ code: ErrorCode.NotFound });
    const failing = (id: string) => scripted(id, [], new MailyError(ErrorCode.Disconnected, `${id} left`)).node;
    const all = new MeshRouter({ members: () => [member(failing('p')), member(failing('q'))] });
    await expect(all.generate(ask, () => undefined)).rejects.toMatchObject({ code: ErrorCode.Disconnected });
  });

  it('stops when cancelled and reports the text so far', async () => {
    const node = scripted('n', ['a', 'b', 'c', 'd', 'e']);
    const router = new MeshRouter({ members: () => [member(node.node)] });
    const controller = new AbortController();
    const result = await router.generate(ask, () => controller.abort(), controller.signal);
    expect(result.stop).toBe('cancelled');
  });
});
