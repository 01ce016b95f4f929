import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getLlama, LlamaChatSession, type Llama, type LlamaModel } from 'node-llama-cpp';
import {
  writeTinyModel,
  writeTruncatedModel,
  writeNotGgufFile,
  writeUnsupportedArchModel,
} from '../../../../helpers/tinyModel';

describe('the tiny test model', () => {
  const dir = mkdtempSync(join(tmpdir(), 'maily-tiny-'));
  let llama: Llama;
  let model: LlamaModel;

  beforeAll(async () => {
    llama = await getLlama({ gpu: false, build: 'never' });
    model = await llama.loadModel({ modelPath: writeTinyModel(join(dir, 'tiny.gguf')).path });
  }, 30_000);
  afterAll(async () => {
    await model?.dispose();
    await llama?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is deterministic by seed', () => {
    const a = writeTinyModel(join(dir, 'a.gguf'), { seed: 7 });
    const b = writeTinyModel(join(dir, 'b.gguf'), { seed: 7 });
    const c = writeTinyModel(join(dir, 'c.gguf'), { seed: 8 });
    expect(a.sha256).toBe(b.sha256);
    expect(c.sha256).not.toBe(a.sha256);
    expect(c.bytes).toBe(a.bytes);
  });

  it('loads with its metadata and streams text through a chat session', async () => {
    expect(model.trainContextSize).toBe(2048);
    expect(model.fileInfo.metadata.general.architecture).toBe('llama');
    const context = await model.createContext({ contextSize: 512, threads: 1 });
    try {
      const session = new LlamaChatSession({ contextSequence: context.getSequence() });
      const chunks: string[] = [];
      const started = performance.now();
      const text = await session.prompt('Write a subject line', {
        maxTokens: 100,
        temperature: 0.8,
        seed: 3,
        onTextChunk: (chunk) => chunks.push(chunk),
      });
      const ms = performance.now() - started;
      // The default logit bias rules out control and byte tokens: it runs to maxTokens in plain text.
      expect(chunks.length).toBeGreaterThan(50);
      expect(text).toBe(chunks.join(''));
      expect(text).not.toMatch(/\uFFFD/);
      expect(ms).toBeLessThan(5_000);
    } finally {
      await context.dispose();
    }
  });

  it('gives schema-valid JSON under a grammar', async () => {
    const context = await model.createContext({ contextSize: 512, threads: 1 });
    try {
      const grammar = await llama.createGrammarForJsonSchema({
        type: 'object',
        properties: { subject: { type: 'string' } },
        required: ['subject'],
      } as const);
      const session = new LlamaChatSession({ contextSequence: context.getSequence() });
      const answer = await session.prompt('Suggest a subject', { grammar, maxTokens: 60, temperature: 0.8, seed: 3 });
      expect(typeof grammar.parse(answer).subject).toBe('string');
    } finally {
      await context.dispose();
    }
  });

  it('makes embeddings', async () => {
    const context = await model.createEmbeddingContext({ contextSize: 128, threads: 1 });
    try {
      const embedding = await context.getEmbeddingFor('welcome to the sale');
      expect(embedding.vector.length).toBe(64);
      expect(embedding.vector.every(Number.isFinite)).toBe(true);
    } finally {
      await context.dispose();
    }
  });

  it('has hostile variants', () => {
    const good = readFileSync(writeTinyModel(join(dir, 'good.gguf')).path);
    const cut = writeTruncatedModel(join(dir, 'cut.gguf'), 0.5);
    expect(cut.bytes).toBe(Math.floor(good.length / 2));
    expect(
      readFileSync(writeNotGgufFile(join(dir, 'html.gguf')).path)
        .subarray(0, 4)
        .toString(),
    ).not.toBe('GGUF');
    const odd = readFileSync(writeUnsupportedArchModel(join(dir, 'odd.gguf')).path);
    expect(odd.includes(Buffer.from('nosucharch'))).toBe(true);
  });
});
