import { describe, expect, it } from 'vitest';
import { createMemoryPresenceRoom, createPresencePair } from '../../../../src/shared/collab/memoryPresence';

describe('in-memory presence', () => {
  it('shows each window the others, never itself', () => {
    const [alex, sam] = createPresencePair();
    expect(alex.remote().map((r) => r.user.name)).toEqual(['Sam']);
    expect(sam.remote().map((r) => r.clientId)).toEqual([alex.clientId]);
  });

  it('merges local patches and tells the others', () => {
    const [alex, sam] = createPresencePair();
    let told = 0;
    sam.subscribe(() => told++);
    alex.setLocal({ cursor: { x: 1, y: 2 } });
    alex.setLocal({ selection: ['n1'] });
    expect(told).toBe(2);
    expect(sam.remote()[0]).toMatchObject({ cursor: { x: 1, y: 2 }, selection: ['n1'] });
  });

  it('keeps remote() the same array until something changes', () => {
    const [alex, sam] = createPresencePair();
    const first = sam.remote();
    expect(sam.remote()).toBe(first);
    alex.setLocal({ cursor: null });
    expect(sam.remote()).not.toBe(first);
  });

  it('drops a hostile state as awareness readers must', () => {
    const room = createMemoryPresenceRoom();
    const alex = room.join({ name: 'Alex', colour: '#123456' });
    room.inject(99, { user: { name: 'x'.repeat(500), colour: 'red' } });
    room.inject(100, { user: { name: 'Kim', colour: '#abcdef' }, cursor: { x: 1, y: 2 } });
    expect(alex.remote().map((r) => r.clientId)).toEqual([100]);
  });

  it('tells its own listeners when following changes, and forgets who left', () => {
    const [alex, sam] = createPresencePair();
    let told = 0;
    alex.subscribe(() => told++);
    alex.follow(sam.clientId);
    alex.follow(sam.clientId);
    expect(told).toBe(1);
    expect(alex.following()).toBe(sam.clientId);
    sam.leave();
    expect(alex.remote()).toEqual([]);
    sam.setLocal({ cursor: { x: 0, y: 0 } });
    expect(alex.remote()).toEqual([]);
  });

  it('stops calling a listener after its unsubscribe', () => {
    const [alex, sam] = createPresencePair();
    let told = 0;
    const off = sam.subscribe(() => told++);
    off();
    alex.setLocal({ cursor: null });
    expect(told).toBe(0);
  });
});
