import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ErrorCode, MailyError } from '../../../../../src/shared/errors';
import { LIST_LIMIT, MemoryService } from '../../../../../src/main/services/memory/MemoryService';
import { tempWorkspace, type TempWorkspace } from '../helpers';

let ws: TempWorkspace;
let memory: MemoryService;
let clock = 1_000;
beforeEach(() => {
  ws = tempWorkspace();
  memory = new MemoryService(ws.open(), { now: () => clock++ });
});
afterEach(() => {
  memory.dispose();
  ws.cleanup();
});

async function codeOf(fn: () => unknown): Promise<string> {
  try {
    await fn();
  } catch (error) {
    expect(error).toBeInstanceOf(MailyError);
    return (error as MailyError).code;
  }
  return 'no error';
}

const note = (title: string, text: string) => memory.add({ kind: 'note', title, text });

describe('MemoryService: items', () => {
  it('adds, lists newest first, updates, removes and announces each change', () => {
    const changes: string[] = [];
    memory.onChanged(({ id }) => changes.push(id));
    const voice = memory.add({ kind: 'brandVoice', title: 'Tone', text: 'Warm, short sentences.' });
    const other = note('Holidays', 'No emails on public holidays.');
    expect(voice).toMatchObject({ kind: 'brandVoice', title: 'Tone', embedded: false });
    expect(voice.id).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    expect(memory.list().map((i) => i.id)).toEqual([other.id, voice.id]);

    const changed = memory.update(voice.id, { kind: 'brandVoice', title: 'Tone', text: 'Warm and direct.' });
    expect(changed).toMatchObject({ text: 'Warm and direct.', createdAt: voice.createdAt });
    expect(changed.updatedAt).toBeGreaterThan(voice.updatedAt);
    expect(memory.remove(other.id)).toEqual({ id: other.id });
    expect(memory.list().map((i) => i.id)).toEqual([voice.id]);
    expect(changes).toEqual([voice.id, other.id, voice.id, other.id]);
  });

  it('keeps items across a restart', () => {
    const item = note('Sign-off', 'Always sign off as “The Maily team”.');
    memory.dispose();
    const again = new MemoryService(ws.open());
    expect(again.get(item.id)).toEqual(item);
  });

  it('refuses invalid input and unknown ids with catalogue codes', async () => {
    expect(await codeOf(() => note('  ', 'text'))).toBe(ErrorCode.InvalidInput);
    expect(await codeOf(() => note('t', 'x'.repeat(20_001)))).toBe(ErrorCode.InvalidInput);
    expect(await codeOf(() => memory.update('missing', { kind: 'note', title: 't', text: 'x' }))).toBe(
      ErrorCode.NotFound,
    );
    expect(await codeOf(() => memory.remove('missing'))).toBe(ErrorCode.NotFound);
  });

  it('remembers an email and an accepted suggestion under stable ids', () => {
    const first = memory.rememberEmail('c1', 'e1', 'Spring sale', 'Twenty percent off.');
    const again = memory.rememberEmail('c1', 'e1', 'Spring sale!', 'Thirty percent off.');
    expect(again?.id).toBe(first?.id);
    expect(again).toMatchObject({ kind: 'pastEmail', title: 'Spring sale!', text: 'Thirty percent off.' });
    expect(memory.rememberEmail('c1', 'e1', '', '   ')).toBeNull();
    expect(memory.rememberEmail('c2', 'e9', '', 'Body')?.title).toBe('Email without a subject');

    const accepted = memory.rememberAccepted('Subject line', 'Your spring picks are here');
    expect(memory.rememberAccepted('Subject line', 'Your spring picks are here')?.id).toBe(accepted?.id);
    expect(accepted?.kind).toBe('acceptedSuggestion');
    expect(memory.list()).toHaveLength(3);
  });

  it('announces nothing when an item is saved unchanged', () => {
    const item = note('Same', 'Same text');
    const changes: string[] = [];
    memory.onChanged(({ id }) => changes.push(id));
    memory.update(item.id, { kind: 'note', title: 'Same', text: 'Same text' });
    expect(changes).toEqual([]);
  });
});

describe('MemoryService: full-text search', () => {
  it('finds items by words, stems and accents, titles first', async () => {
    const cafe = note('Café opening', 'We are opening a new crème brûlée corner.');
    const run = note('Running shoes', 'Spring collection for runners.');
    const mention = note('Misc', 'Mention the café in the footer.');
    expect(memory.list('cafe').map((i) => i.id)).toEqual([cafe.id, mention.id]);
    expect(memory.list('CREME brulee').map((i) => i.id)).toEqual([cafe.id]);
    expect(memory.list('run').map((i) => i.id)).toEqual([run.id]); // porter: running, runners
    expect(memory.list('spr').map((i) => i.id)).toEqual([run.id]); // prefix while typing
    const hits = await memory.search('café footer');
    expect(hits.map((h) => h.item.id)).toEqual([mention.id, cafe.id]);
    expect(hits[0]).toMatchObject({ textRank: 1, vectorRank: null });
  });

  it('never throws on hostile input', async () => {
    note('Quotes', 'He said "hello" and NEAR the end AND OR NOT.');
    const hostile = [
      '"',
      '""',
      '*',
      'NEAR(',
      'NEAR(a b',
      '-',
      '- x',
      'AND OR',
      'title:x',
      '^a',
      '(',
      ')',
      '\u0301',
      '\0',
    ];
    hostile.push('x'.repeat(10_000), 'word '.repeat(2_000), '"*-()'.repeat(2_000));
    for (const query of hostile) {
      expect(() => memory.list(query)).not.toThrow();
      await expect(memory.search(query)).resolves.toBeInstanceOf(Array);
    }
    expect((await memory.search('NEAR(')).map((h) => h.item.title)).toEqual(['Quotes']);
    expect(memory.list('"*"')).toEqual([]);
  });

  it('lists at most LIST_LIMIT items and forgets removed ones in the index', async () => {
    const db = ws.open();
    const bulk = new MemoryService(db, { now: () => clock++ });
    db.transaction(() => {
      for (let i = 0; i < LIST_LIMIT + 5; i++) bulk.add({ kind: 'note', title: `n${i}`, text: 'common words' });
    });
    expect(bulk.list()).toHaveLength(LIST_LIMIT);
    const one = bulk.add({ kind: 'note', title: 'unique zebra', text: 'x' });
    bulk.remove(one.id);
    expect(await bulk.search('zebra')).toEqual([]);
    bulk.dispose();
  });
});
