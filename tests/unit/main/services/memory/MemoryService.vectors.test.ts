import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemoryService, type MemoryServiceOptions } from '../../../../../src/main/services/memory/MemoryService';
import { tempWorkspace, type TempWorkspace } from '../helpers';
import { FakeEmbedder } from './fakeEmbedder';

let ws: TempWorkspace;
let embedder: FakeEmbedder;
const opened: MemoryService[] = [];
const errors: unknown[] = [];
beforeEach(() => {
  ws = tempWorkspace();
  embedder = new FakeEmbedder();
  errors.length = 0;
});
afterEach(() => {
  for (const m of opened.splice(0)) m.dispose();
  ws.cleanup();
});

function open(options: MemoryServiceOptions = {}): MemoryService {
  const log = { error: (_: string, detail?: unknown) => errors.push(detail) };
  const memory = new MemoryService(ws.open(), { embedder, autoIndex: false, batchSize: 2, log, ...options });
  opened.push(memory);
  return memory;
}

const note = (memory: MemoryService, title: string, text: string) => memory.add({ kind: 'note', title, text });

describe('MemoryService: vectors', () => {
  it('embeds missing items in batches and marks them embedded', async () => {
    const memory = open();
    for (let i = 0; i < 5; i++) note(memory, `t${i}`, `text ${i}`);
    expect(memory.status()).toMatchObject({ items: 5, embedded: 0, modelId: 'fake-a' });
    expect(await memory.reindex()).toBe(5);
    expect(embedder.calls.map((c) => c.length)).toEqual([2, 2, 1]);
    expect(memory.list().every((i) => i.embedded)).toBe(true);
    expect(await memory.reindex()).toBe(0);
  });

  it('finds by meaning what the text index cannot match', async () => {
    embedder = new FakeEmbedder('fake-a', 512, { blossom: 'spring' });
    const memory = open();
    const both = note(memory, 'Spring sale', 'spring sale');
    const meaning = note(memory, 'Seasonal', 'blossom');
    note(memory, 'Other', 'winter coats');
    await memory.reindex();
    const result = await memory.searchDetailed('spring');
    expect(result).toMatchObject({ mode: 'hybrid', modelId: 'fake-a' });
    expect(result.hits.find((h) => h.item.id === meaning.id)).toMatchObject({ textRank: null, vectorRank: 1 });
    expect(result.hits[0]).toMatchObject({ item: { id: both.id }, textRank: 1 });
  });

  it('ranks an item second in both lists above ones that top only one', async () => {
    embedder = new FakeEmbedder('fake-a', 512, { blossom: 'spring' });
    const memory = open();
    const both = note(memory, 'spring offer', 'spring spring');
    const vectorTop = note(memory, 'Blossom', 'blossom'); // "spring" by meaning only
    for (const word of ['amber', 'birch', 'cedar']) note(memory, word, 'blossom blossom');
    await memory.reindex();
    // Added after indexing, so only in the text list: where it is first.
    const textTop = note(memory, 'spring spring', 'spring spring spring');
    const hits = await memory.search('spring');
    const rank = (id: string) => hits.find((h) => h.item.id === id)!;
    expect(rank(vectorTop.id)).toMatchObject({ textRank: null, vectorRank: 1 });
    expect(rank(textTop.id)).toMatchObject({ textRank: 1, vectorRank: null });
    expect(rank(both.id).vectorRank).toBe(2);
    expect(rank(both.id).textRank).toBe(2);
    expect(hits[0].item.id).toBe(both.id);
    expect(hits[0].score).toBeGreaterThan(hits[1].score);
  });

  it('embeds again after the text changes, but not after a kind change', async () => {
    const memory = open();
    const item = note(memory, 'Tone', 'warm');
    await memory.reindex();
    memory.update(item.id, { kind: 'brandVoice', title: 'Tone', text: 'warm' });
    expect(memory.get(item.id)?.embedded).toBe(true);
    memory.update(item.id, { kind: 'brandVoice', title: 'Tone', text: 'formal and precise' });
    expect(memory.get(item.id)?.embedded).toBe(false);
    embedder.calls.length = 0;
    expect(await memory.reindex()).toBe(1);
    expect(embedder.calls).toEqual([['Tone\n\nformal and precise']]);
    const [hit] = await memory.search('precise');
    expect(hit).toMatchObject({ textRank: 1, vectorRank: 1 });
  });

  it('drops a vector whose text changed while it was being embedded', async () => {
    const memory = open();
    const item = note(memory, 'Tone', 'warm');
    const run = memory.reindex();
    memory.update(item.id, { kind: 'note', title: 'Tone', text: 'cold' }); // lands before the batch is stored
    await run;
    expect(memory.get(item.id)?.embedded).toBe(false);
    expect(await memory.reindex()).toBe(1);
    expect(memory.get(item.id)?.embedded).toBe(true);
  });

  it('embeds everything again for another model and keeps the first model’s vectors', async () => {
    const memory = open();
    note(memory, 'a', 'one');
    note(memory, 'b', 'two');
    await memory.reindex();
    embedder.model = 'fake-b';
    expect(memory.status()).toMatchObject({ modelId: 'fake-b', embedded: 0 });
    expect((await memory.searchDetailed('one')).mode).toBe('text'); // nothing embedded yet for fake-b
    await memory.reindex();
    expect(memory.status().embedded).toBe(2);
    embedder.model = 'fake-a';
    expect(memory.status().embedded).toBe(2);
    expect((await memory.searchDetailed('one')).hits[0]).toMatchObject({ vectorRank: 1 });
  });

  it('loads vectors from SQLite after a restart without embedding again', async () => {
    const first = open();
    const item = note(first, 'Loyalty', 'points for regulars');
    await first.reindex();
    first.dispose();
    embedder.calls.length = 0;
    const again = open();
    expect((await again.search('regulars'))[0]).toMatchObject({ item: { id: item.id }, vectorRank: 1 });
    expect(embedder.calls).toEqual([['regulars']]); // only the query
  });

  it('falls back to full-text search without a model or when embedding fails', async () => {
    embedder.model = null;
    const memory = open();
    note(memory, 'Tone', 'warm words');
    expect(await memory.reindex()).toBe(0);
    expect(await memory.searchDetailed('warm')).toMatchObject({ mode: 'text', modelId: null });
    const plain = new MemoryService(ws.open(), { autoIndex: false });
    opened.push(plain);
    expect((await plain.searchDetailed('warm')).hits[0]).toMatchObject({ textRank: 1, vectorRank: null });

    embedder.model = 'fake-a';
    await memory.reindex();
    embedder.failNext = new Error('model crashed');
    expect((await memory.searchDetailed('warm')).mode).toBe('text');
    expect(errors).toHaveLength(1);
  });

  it('turns a failed indexing run into status, not a rejection', async () => {
    const memory = open();
    note(memory, 'Tone', 'warm');
    embedder.failNext = new Error('out of memory');
    await expect(memory.reindex()).resolves.toBe(0);
    expect(memory.status().error).toMatch(/Full-text search still works/);
    await memory.reindex();
    expect(memory.status()).toMatchObject({ embedded: 1, error: null });
  });

  it('embeds in the background on its own and announces it', async () => {
    const memory = open({ autoIndex: true });
    const changes: string[] = [];
    memory.onChanged(({ id }) => changes.push(id));
    const item = note(memory, 'Tone', 'warm');
    await memory.reindex(); // joins the run the add started
    expect(memory.get(item.id)?.embedded).toBe(true);
    expect(changes).toEqual([item.id, item.id]);
  });
});

describe('MemoryService: following the model', () => {
  it('embeds in the background once a model is loaded, and only once per model', async () => {
    embedder.model = null;
    const memory = open();
    const item = note(memory, 'Tone', 'warm');
    memory.catchUp();
    expect(embedder.calls).toEqual([]);
    embedder.model = 'fake-a';
    memory.catchUp();
    memory.catchUp(); // a second status event while the first run is going: no second run
    await memory.reindex();
    expect(memory.get(item.id)?.embedded).toBe(true);
    const calls = embedder.calls.length;
    memory.catchUp();
    await memory.reindex();
    expect(embedder.calls.length).toBe(calls);
  });
});
