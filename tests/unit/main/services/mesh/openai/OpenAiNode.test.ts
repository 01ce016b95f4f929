import { createServer } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OpenAiNode, type OpenAiNodeOptions } from '../../../../../../src/main/services/mesh/openai/OpenAiNode';
import type { GenerateRequest } from '../../../../../../src/shared/ai/llm';
import { MailyError } from '../../../../../../src/shared/errors';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../../../../../helpers/fakeOpenAiServer';

let server: FakeOpenAiServer;
const nodes: OpenAiNode[] = [];

function makeNode(options: Partial<OpenAiNodeOptions> = {}): OpenAiNode {
  const node = new OpenAiNode({ id: 'gpu-box', baseUrl: server.url, model: 'fake-model', ...options });
  nodes.push(node);
  return node;
}

const ask = (extra: Partial<GenerateRequest> = {}): GenerateRequest => ({
  messages: [{ role: 'user', content: 'Say hello' }],
  maxTokens: 32,
  ...extra,
});

const chatBodies = () => server.requests.filter((r) => r.path === '/v1/chat/completions').map((r) => r.body!);

async function failure(promise: Promise<unknown>): Promise<MailyError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MailyError);
  return error as MailyError;
}

beforeEach(async () => {
  server = await startFakeOpenAiServer();
});

afterEach(async () => {
  await Promise.all(nodes.splice(0).map((node) => node.dispose()));
  await server.close();
});

describe('OpenAiNode', () => {
  it('is ready after the server lists its models, with the server in the model id', async () => {
    const node = makeNode();
    const status = await node.connect();
    expect(status.state).toBe('ready');
    expect(node.modelId()).toBe(`fake-model @ ${new URL(server.url).host}`);
    expect(status.gpu).toBe(false);
  });

  it('streams the text and concatenates it, sending model, messages and limits', async () => {
    const node = makeNode();
    const pieces: string[] = [];
    const result = await node.generate(ask({ temperature: 0.2, seed: 7 }), (d) => pieces.push(d));
    expect(pieces).toEqual(['Hello', ', ', 'world']);
    expect(result).toMatchObject({ text: 'Hello, world', tokens: 3, stop: 'done' });
    expect(chatBodies()[0]).toMatchObject({
      model: 'fake-model',
      stream: true,
      max_tokens: 32,
      temperature: 0.2,
      seed: 7,
    });
    expect(chatBodies()[0].messages).toEqual([{ role: 'user', content: 'Say hello' }]);
  });

  it('reads events cut mid-JSON, with CRLF line ends', async () => {
    server.reply = { split: true, crlf: true, pieces: ['a', 'b', 'c'] };
    const result = await makeNode().generate(ask(), () => {});
    expect(result.text).toBe('abc');
  });

  it('reports maxTokens when the server stops for length', async () => {
    server.reply = { pieces: ['x', 'y'], finish: 'length' };
    expect((await makeNode().generate(ask(), () => {})).stop).toBe('maxTokens');
  });

  it('stops mid-stream on abort with the text so far', async () => {
    server.reply = { pieces: Array.from({ length: 200 }, () => 'w') };
    const controller = new AbortController();
    let seen = 0;
    const result = await makeNode().generate(
      ask(),
      () => {
        if (++seen === 5) controller.abort();
      },
      controller.signal,
    );
    expect(result.stop).toBe('cancelled');
    expect(result.text).toBe('wwwww');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.active).toBe(0); // the request was really closed
  });

  it('stops at the deadline with the text so far', async () => {
    server.reply = { pieces: Array.from({ length: 200 }, () => 'w') };
    const result = await makeNode().generate(ask({ deadline: Date.now() + 150 }), () => {});
    expect(result.stop).toBe('deadline');
    expect(result.text.length).toBeLessThan(200);
  });

  it('sends the key as a bearer token; a wrong key is E_UNAUTHORIZED', async () => {
    await server.close();
    server = await startFakeOpenAiServer({ apiKey: 'sk-right' });
    const good = makeNode({ apiKey: 'sk-right' });
    expect((await good.generate(ask(), () => {})).text).toBe('Hello, world');
    expect(server.requests.at(-1)!.authorization).toBe('Bearer sk-right');

    const bad = makeNode({ apiKey: 'sk-wrong' });
    expect((await bad.connect()).state).toBe('error');
    const error = await failure(bad.generate(ask(), () => {}));
    expect(error.code).toBe('E_UNAUTHORIZED');
    expect(error.message).toMatch(/^The server refused the API key/);
    expect(error.message).not.toContain('sk-wrong');
    expect(bad.status().error).toBe(error.message);
  });

  it('is E_DISCONNECTED with an error status when the server is down, and ready once it answers', async () => {
    const url = server.url;
    await server.close();
    const node = makeNode({ baseUrl: url });
    const status = await node.connect();
    expect(status.state).toBe('error');
    expect(status.error).toContain(`Maily could not reach ${url}`);
    const error = await failure(node.generate(ask(), () => {}));
    expect(error.code).toBe('E_DISCONNECTED');
  });

  it('turns a 500 into E_INTERNAL and the error state', async () => {
    const node = makeNode();
    await node.connect();
    server.failWith = 500;
    const error = await failure(node.generate(ask(), () => {}));
    expect(error.code).toBe('E_INTERNAL');
    expect(error.message).toContain('HTTP 500');
    expect(node.status().state).toBe('error');
    server.failWith = null;
    await node.generate(ask(), () => {});
    expect(node.status().state).toBe('ready');
  });

  it('ends a garbage chunk with a clear error, not a crash, and keeps serving', async () => {
    const node = makeNode();
    server.reply = { raw: [JSON.stringify({ choices: [{ delta: { content: 'ok' } }] }), '{"choices": [tru'] };
    const error = await failure(node.generate(ask(), () => {}));
    expect(error.code).toBe('E_INTERNAL');
    expect(error.message).toContain('could not read');
    server.reply = { raw: [JSON.stringify({ choices: 'nope' })] };
    expect((await failure(node.generate(ask(), () => {}))).message).toContain('OpenAI-compatible');
    server.reply = {};
    expect((await node.generate(ask(), () => {})).text).toBe('Hello, world');
  });

  it('sends a json_schema response format and checks the answer parses', async () => {
    const schema = { type: 'object', properties: { subject: { type: 'string' } }, required: ['subject'] };
    server.reply = { pieces: ['{"subj', 'ect": "Hi"}'] };
    const result = await makeNode().generate(ask({ jsonSchema: schema }), () => {});
    expect(JSON.parse(result.text)).toEqual({ subject: 'Hi' });
    expect(chatBodies()[0].response_format).toEqual({
      type: 'json_schema',
      json_schema: { name: 'result', schema, strict: true },
    });

    server.reply = { pieces: ['not json'] };
    const error = await failure(makeNode().generate(ask({ jsonSchema: schema }), () => {}));
    expect(error.message).toContain('not valid JSON');
  });

  it('falls back to json_object with the schema in the system prompt on a 400', async () => {
    const schema = { type: 'object', properties: { ok: { type: 'boolean' } } };
    server.reply = { rejectJsonSchema: true, pieces: ['{"ok": true}'] };
    const node = makeNode();
    const result = await node.generate(ask({ jsonSchema: schema }), () => {});
    expect(JSON.parse(result.text)).toEqual({ ok: true });
    const [first, second] = chatBodies();
    expect((first.response_format as { type: string }).type).toBe('json_schema');
    expect(second.response_format).toEqual({ type: 'json_object' });
    const messages = second.messages as { role: string; content: string }[];
    expect(messages[0].role).toBe('system');
    expect(messages[0].content).toContain(JSON.stringify(schema));
    expect(node.status().state).not.toBe('error');
  });

  it('embeds in input order, L2-normalised', async () => {
    const vectors = await makeNode().embed(['ab', 'xyz']);
    expect(vectors).toHaveLength(2);
    expect(vectors[0]).toHaveLength(2);
    expect(vectors[1]).toHaveLength(3);
    for (const v of vectors) expect(Math.hypot(...v)).toBeCloseTo(1, 5);
    expect(vectors[0][0] / vectors[0][1]).toBeCloseTo(97 / 98, 5);
    expect(server.requests.at(-1)!.body).toMatchObject({ model: 'fake-model', input: ['ab', 'xyz'] });
  });

  it('queues beyond the concurrency limit and counts running and queued', async () => {
    server.reply = { pieces: Array.from({ length: 10 }, () => 'x') };
    const node = makeNode({ concurrency: 2 });
    await node.connect();
    const seen: Array<[number, number]> = [];
    node.onStatus((s) => seen.push([s.running, s.queued]));
    const jobs = Array.from({ length: 5 }, () => node.generate(ask(), () => {}));
    expect(node.status()).toMatchObject({ running: 2, queued: 3 });
    const results = await Promise.all(jobs);
    expect(results.every((r) => r.text === 'x'.repeat(10))).toBe(true);
    expect(server.maxActive).toBe(2);
    expect(node.status()).toMatchObject({ running: 0, queued: 0 });
    expect(seen.some(([, queued]) => queued === 3)).toBe(true);
  });

  it('drops a queued job on abort without sending it', async () => {
    server.reply = { pieces: Array.from({ length: 20 }, () => 'x') };
    const node = makeNode({ concurrency: 1 });
    const first = node.generate(ask(), () => {});
    const controller = new AbortController();
    const second = node.generate(ask(), () => {}, controller.signal);
    controller.abort();
    expect(await second).toMatchObject({ stop: 'cancelled', text: '' });
    await first;
    expect(chatBodies()).toHaveLength(1);
  });

  it('is E_TIMEOUT when the server accepts but never answers', async () => {
    const silent = createServer(() => {}); // takes the connection, sends nothing
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as { port: number };
    try {
      const node = makeNode({ baseUrl: `http://127.0.0.1:${port}/v1`, timeoutMs: 100 });
      const error = await failure(node.generate(ask(), () => {}));
      expect(error.code).toBe('E_TIMEOUT');
      expect(node.status().state).toBe('error');
    } finally {
      await closeSilent(silent);
    }
  });

  it('refuses a base URL that is not http(s)', () => {
    expect(() => makeNode({ baseUrl: 'file:///etc' })).toThrow(MailyError);
  });
});

function closeSilent(server: ReturnType<typeof createServer>): Promise<void> {
  server.unref();
  return new Promise((resolve) => {
    server.close(() => resolve());
    setTimeout(resolve, 100); // a held-open socket keeps close() waiting; the unref lets the run end
  });
}
