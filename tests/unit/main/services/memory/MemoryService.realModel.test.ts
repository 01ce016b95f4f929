import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalLlmNode } from '../../../../../src/main/services/llm/LocalLlmNode';
import { MemoryService } from '../../../../../src/main/services/memory/MemoryService';
import { SettingsStore } from '../../../../../src/main/services/settings/SettingsStore';
import { writeTinyModel } from '../../../../helpers/tinyModel';
import { tempWorkspace, type TempWorkspace } from '../helpers';

// The node runs the model in a real child process (the TypeScript worker through tsx).
const SLOW = 60_000;

let ws: TempWorkspace;
let node: LocalLlmNode;
let memory: MemoryService;

beforeAll(() => {
  ws = tempWorkspace();
  const modelsDir = join(ws.dir, 'models');
  writeTinyModel(join(modelsDir, 'tiny.gguf'), { seed: 1 });
  writeTinyModel(join(modelsDir, 'other.gguf'), { seed: 2 });
  const db = ws.open();
  node = new LocalLlmNode(new SettingsStore(db), { modelsDir });
  memory = new MemoryService(db, { embedder: node, autoIndex: false });
});

afterAll(async () => {
  memory.dispose();
  await node.dispose();
  ws.cleanup();
});

const items = [
  { kind: 'brandVoice', title: 'Tone', text: 'Warm, short sentences, no jargon.' },
  { kind: 'pastEmail', title: 'Spring sale', text: 'Twenty percent off everything until Sunday.' },
  { kind: 'acceptedSuggestion', title: 'Subject line', text: 'Your spring picks are here' },
  { kind: 'note', title: 'Holidays', text: 'Never send on public holidays.' },
] as const;

describe('MemoryService with real embeddings from the generated model', () => {
  it('embeds every item with the loaded model and retrieves by vector and words', { timeout: SLOW }, async () => {
    const added = items.map((item) => memory.add({ ...item }));
    expect((await memory.searchDetailed('spring')).mode).toBe('text'); // no model yet
    await node.load('tiny.gguf');
    expect(await memory.reindex()).toBe(items.length);
    expect(memory.status()).toMatchObject({ modelId: 'tiny.gguf', items: 4, embedded: 4, error: null });

    // The same text gives the same vector, so the item is nearest its own words.
    const sale = added[1];
    const result = await memory.searchDetailed(`${sale.title}\n\n${sale.text}`, 4);
    expect(result).toMatchObject({ mode: 'hybrid', modelId: 'tiny.gguf' });
    expect(result.hits[0]).toMatchObject({ item: { id: sale.id }, vectorRank: 1, textRank: 1 });
    expect(result.hits.every((h) => h.vectorRank !== null)).toBe(true);
  });

  it('embeds again for another model and falls back to words once it is unloaded', { timeout: SLOW }, async () => {
    await node.load('other.gguf');
    expect(memory.status()).toMatchObject({ modelId: 'other.gguf', embedded: 0 });
    expect(await memory.reindex()).toBe(items.length);
    expect((await memory.searchDetailed('holidays')).hits[0]).toMatchObject({ vectorRank: expect.any(Number) });
    await node.unload();
    const after = await memory.searchDetailed('holidays');
    expect(after.mode).toBe('text');
    expect(after.hits[0]).toMatchObject({ item: { title: 'Holidays' }, textRank: 1, vectorRank: null });
  });
});
