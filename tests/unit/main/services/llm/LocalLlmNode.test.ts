import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalLlmNode, type LocalLlmNodeOptions } from '../../../../../src/main/services/llm/LocalLlmNode';
import { SettingsStore } from '../../../../../src/main/services/settings/SettingsStore';
import type { GenerateRequest, LlmStatus } from '../../../../../src/shared/ai/llm';
import { MailyError } from '../../../../../src/shared/errors';
import {
  writeNotGgufFile,
  writeTinyModel,
  writeTruncatedModel,
  writeUnsupportedArchModel,
} from '../../../../helpers/tinyModel';
import { tempWorkspace, type TempWorkspace } from '../helpers';

// Each node runs the TypeScript worker through tsx in a real child process.
const SLOW = 60_000;

let ws: TempWorkspace;
let modelsDir: string;
const nodes: LocalLlmNode[] = [];

function makeNode(options: Partial<LocalLlmNodeOptions> = {}): LocalLlmNode {
  const node = new LocalLlmNode(new SettingsStore(ws.open()), { modelsDir, ...options });
  nodes.push(node);
  return node;
}

const ask = (content: string, maxTokens = 24, extra: Partial<GenerateRequest> = {}): GenerateRequest => ({
  messages: [{ role: 'user', content }],
  maxTokens,
  seed: 7,
  ...extra,
});

beforeAll(() => {
  ws = tempWorkspace();
  modelsDir = join(ws.dir, 'models');
  writeTinyModel(join(modelsDir, 'tiny.gguf'), { seed: 1 });
  writeTruncatedModel(join(modelsDir, 'truncated.gguf'));
  writeNotGgufFile(join(modelsDir, 'page.gguf'));
  writeUnsupportedArchModel(join(modelsDir, 'alien.gguf'));
});

afterAll(async () => {
  await Promise.all(nodes.splice(0).map((n) => n.dispose()));
  ws.cleanup();
});

describe('LocalLlmNode on one model process', () => {
  let node: LocalLlmNode;
  beforeAll(() => {
    node = makeNode();
  });

  it('refuses jobs before a model is loaded, and names outside the models folder', async () => {
    await expect(node.generate(ask('hi'), () => {})).rejects.toThrow(/No model is loaded/);
    await expect(node.load('../workspace.sqlite')).rejects.toMatchObject({ code: 'E_INVALID_INPUT' });
    await expect(node.load('missing.gguf')).rejects.toMatchObject({ code: 'E_NOT_FOUND' });
    expect(node.status().state).toBe('idle');
  });

  it('loads with progress through truthful states', { timeout: SLOW }, async () => {
    const seen: LlmStatus[] = [];
    const off = node.onStatus((s) => seen.push(s));
    const status = await node.load('tiny.gguf');
    off();
    expect(status).toMatchObject({ state: 'ready', modelId: 'tiny.gguf', error: null, progress: 1, gpu: false });
    expect(status.contextSize).toBeGreaterThan(0);
    expect(seen[0]).toMatchObject({ state: 'loading', progress: 0, modelId: 'tiny.gguf' });
    const progress = seen.filter((s) => s.state === 'loading').map((s) => s.progress as number);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(seen.at(-1)?.state).toBe('ready');
    expect(node.modelId()).toBe('tiny.gguf');
  });

  it('streams chunks that add up to the result', { timeout: SLOW }, async () => {
    const chunks: string[] = [];
    const result = await node.generate(ask('Write a subject line', 40), (d) => chunks.push(d));
    expect(result.stop).toBe('maxTokens');
    expect(result.tokens).toBe(40);
    expect(result.text.length).toBeGreaterThan(0);
    expect(chunks.join('')).toBe(result.text);
  });

  it('stops a running job mid-stream with the text so far', { timeout: SLOW }, async () => {
    const controller = new AbortController();
    const chunks: string[] = [];
    const result = await node.generate(
      ask('Draft a long email', 4_000),
      (d) => {
        chunks.push(d);
        controller.abort();
      },
      controller.signal,
    );
    expect(result.stop).toBe('cancelled');
    expect(result.text.length).toBeGreaterThan(0);
    expect(result.tokens).toBeLessThan(4_000);
    expect(chunks.join('')).toBe(result.text);
  });

  it('queues a second job behind concurrency 1, and drops a cancelled queued one', { timeout: SLOW }, async () => {
    const order: string[] = [];
    const first = node.generate(ask('one', 60), () => {}).then((r) => (order.push('first'), r));
    const controller = new AbortController();
    const dropped = node.generate(ask('dropped'), () => order.push('dropped ran'), controller.signal);
    const second = node.generate(ask('two', 20), () => {}).then((r) => (order.push('second'), r));
    expect(node.status()).toMatchObject({ running: 1, queued: 2 });
    controller.abort();
    expect(await dropped).toMatchObject({ stop: 'cancelled', text: '', tokens: 0 });
    expect(node.status()).toMatchObject({ running: 1, queued: 1 });
    const [a, b] = await Promise.all([first, second]);
    expect(order).toEqual(['first', 'second']);
    expect([a.stop, b.stop]).toEqual(['maxTokens', 'maxTokens']);
    expect(node.status()).toMatchObject({ running: 0, queued: 0 });
  });

  it('ends a job at its deadline', { timeout: SLOW }, async () => {
    const result = await node.generate(ask('long', 100_000, { deadline: Date.now() + 300 }), () => {});
    expect(result.stop).toBe('deadline');
    expect(result.tokens).toBeLessThan(100_000);
  });

  it('answers in JSON that follows the schema', { timeout: SLOW }, async () => {
    const schema = {
      type: 'object',
      properties: {
        subjects: {
          type: 'array',
          items: { type: 'object', properties: { subject: { type: 'string' }, why: { type: 'string' } } },
          minItems: 1,
          maxItems: 2,
        },
      },
    };
    const result = await node.generate(ask('Suggest subjects', 400, { jsonSchema: schema }), () => {});
    expect(result.stop).toBe('done');
    const parsed = JSON.parse(result.text) as { subjects: { subject: unknown; why: unknown }[] };
    expect(parsed.subjects.length).toBeGreaterThanOrEqual(1);
    for (const s of parsed.subjects) expect([typeof s.subject, typeof s.why]).toEqual(['string', 'string']);
  });

  it('embeds: same text, same unit vector of the model width', { timeout: SLOW }, async () => {
    const [a, b, c] = await node.embed(['brand voice: warm', 'brand voice: warm', 'spring sale']);
    expect(a.length).toBe(64); // the tiny model's embedding_length
    expect([...a]).toEqual([...b]);
    expect([...a]).not.toEqual([...c]);
    expect(Math.hypot(...a)).toBeCloseTo(1, 5);
  });

  it('runs two jobs at once with concurrency 2 (applied at the next load)', { timeout: SLOW }, async () => {
    expect(node.saveSettings({ concurrency: 2 })).toMatchObject({ concurrency: 2 });
    await node.load('tiny.gguf');
    const both = [node.generate(ask('a', 30), () => {}), node.generate(ask('b', 30), () => {})];
    expect(node.status()).toMatchObject({ running: 2, queued: 0 });
    for (const r of await Promise.all(both)) expect(r).toMatchObject({ stop: 'maxTokens', tokens: 30 });
    node.saveSettings({ concurrency: 1 });
  });

  it.each([
    ['truncated.gguf', /cut off .*download it again/],
    ['page.gguf', /Not a GGUF model file/],
    ['alien.gguf', /nosucharch/],
  ])('refuses %s before loading it (the GGUF check), then loads a good model', { timeout: SLOW }, async (file, why) => {
    const status = await node.load(file);
    expect(status.state).toBe('error');
    expect(status.error).toMatch(/^The model could not be loaded: /);
    expect(status.error).toMatch(why);
    expect(status.modelId).toBe(file);
    await expect(node.generate(ask('hi'), () => {})).rejects.toBeInstanceOf(MailyError);
    expect(await node.load('tiny.gguf')).toMatchObject({ state: 'ready', error: null });
  });

  it('unloads back to idle', { timeout: SLOW }, async () => {
    expect(await node.unload()).toMatchObject({ state: 'idle', modelId: null });
    await expect(node.embed(['x'])).rejects.toBeInstanceOf(MailyError);
  });
});

describe('LocalLlmNode without the pre-check, and with a dying process', () => {
  let node: LocalLlmNode;
  beforeAll(() => {
    node = makeNode({ checkModel: null }); // what llama.cpp itself says, for files a check lets through
  });

  it.each([
    ['truncated.gguf', /not within the file bounds/],
    ['page.gguf', /Invalid GGUF magic/],
    ['alien.gguf', /unknown model architecture: 'nosucharch'/],
  ])('turns %s into the error state with llama.cpp’s reason', { timeout: SLOW }, async (file, why) => {
    const status = await node.load(file);
    expect(status.state).toBe('error');
    expect(status.error).toMatch(/^The model could not be loaded: .+; choose another model\.$/);
    expect(status.error).toMatch(why);
    expect(node.processId()).not.toBeNull(); // the model process survived; so did this one
  });

  it('rejects the running job when the process is killed, and loads again', { timeout: SLOW }, async () => {
    await node.load('tiny.gguf');
    const pid = node.processId() as number;
    let killed = false;
    const kill = () => {
      if (!killed) process.kill(pid, 'SIGKILL'); // on the first chunk: mid-job
      killed = true;
    };
    const job = node.generate(ask('long', 100_000), kill);
    await expect(job).rejects.toThrow(/model process stopped \(signal SIGKILL\)/);
    expect(node.status()).toMatchObject({ state: 'error', running: 0 });
    expect(node.status().error).toMatch(/load the model again/);
    expect(await node.load('tiny.gguf')).toMatchObject({ state: 'ready' });
    expect(node.processId()).not.toBe(pid);
    expect((await node.generate(ask('again', 8), () => {})).tokens).toBe(8);
  });
});
