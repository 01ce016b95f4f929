import { afterEach, describe, expect, it } from 'vitest';
import { MailyError } from '../../../../src/shared/errors';
import { inProcessHost, type InProcess } from '../../../helpers/inProcessHost';

let env: InProcess;
afterEach(() => env.dispose());

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(MailyError);
    return (error as MailyError).code;
  }
  return 'no error';
}

describe('memory over the contract', () => {
  it('adds, lists, searches, updates and removes items, telling every session', async () => {
    env = inProcessHost();
    const { api } = env.connect();
    const other = env.connect().api;
    const events: string[] = [];
    other.on('memory:changed', (p) => events.push(p.id));

    const voice = await api.memory.add({
      kind: 'brandVoice',
      title: 'Tone',
      text: 'Warm, short sentences, no jargon.',
    });
    const email = await api.memory.add({ kind: 'pastEmail', title: 'Spring sale', text: 'Twenty percent off.' });
    expect((await api.memory.list({})).map((i) => i.id)).toEqual([email.id, voice.id]);
    expect((await api.memory.list({ query: 'jarg' })).map((i) => i.id)).toEqual([voice.id]);

    // No model is loaded here, so search is by words only: no vector ranks.
    const hits = await api.memory.search({ query: 'short sentences', limit: 5 });
    expect(hits).toEqual([
      expect.objectContaining({ item: expect.objectContaining({ id: voice.id }), vectorRank: null }),
    ]);

    await api.memory.update({ id: voice.id, kind: 'brandVoice', title: 'Tone', text: 'Formal.' });
    expect(await api.memory.remove({ id: email.id })).toEqual({ id: email.id });
    expect((await api.memory.list({})).map((i) => i.text)).toEqual(['Formal.']);
    expect(events).toEqual([voice.id, email.id, voice.id, email.id]);
  });

  it('answers bad input and unknown ids with catalogue codes', async () => {
    env = inProcessHost();
    const { api } = env.connect();
    expect(await codeOf(api.memory.add({ kind: 'note', title: '', text: 'x' }))).toBe('E_INVALID_INPUT');
    expect(await codeOf(api.memory.search({ query: 'x'.repeat(2_001) }))).toBe('E_INVALID_INPUT');
    expect(await codeOf(api.memory.remove({ id: 'missing' }))).toBe('E_NOT_FOUND');
    expect(await api.memory.search({ query: '" * NEAR( - AND OR' })).toEqual([]);
  });
});
