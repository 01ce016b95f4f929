import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addSampleContact,
  duplicateSampleContact,
  observeSampleContacts,
  readSampleContacts,
  removeSampleContact,
  sampleContactLimits,
  sampleContactsMap,
  updateSampleContact,
} from '../../../../src/shared/simulator/contactsDoc';
import type { SampleContact } from '../../../../src/shared/simulator';

const ada: Omit<SampleContact, 'id'> = {
  name: 'Ada',
  attributes: { activated: true, plan: 'pro', visits: 3, note: null },
  timezone: 'Europe/Paris',
  events: [{ name: 'signed_up', at: Date.parse('2026-03-02T09:00:00Z') }],
};

function added(doc: Y.Doc, contact: Omit<SampleContact, 'id'>): string {
  const write = addSampleContact(doc, contact);
  if (!write.ok) throw new Error(write.problem);
  return write.id;
}

/** Two docs that exchange every update, as two teammates would. */
function pair(): [Y.Doc, Y.Doc] {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on('update', (u: Uint8Array, origin: unknown) => origin !== 'peer' && Y.applyUpdate(b, u, 'peer'));
  b.on('update', (u: Uint8Array, origin: unknown) => origin !== 'peer' && Y.applyUpdate(a, u, 'peer'));
  return [a, b];
}

describe('sample contacts in the campaign doc', () => {
  it('adds, reads back, updates, duplicates and removes contacts in the order they were added', () => {
    const doc = new Y.Doc();
    const id = added(doc, ada);
    const bob = added(doc, { name: 'Bob', attributes: { activated: false }, events: [] });
    expect(readSampleContacts(doc)).toEqual({
      contacts: [
        { id, ...ada },
        { id: bob, name: 'Bob', attributes: { activated: false }, events: [] },
      ],
      skipped: [],
    });

    expect(updateSampleContact(doc, { id, ...ada, name: 'Ada L.' })).toEqual({ ok: true, id });
    const copy = duplicateSampleContact(doc, id);
    expect(copy.ok).toBe(true);
    const names = () => readSampleContacts(doc).contacts.map((c) => c.name);
    expect(names()).toEqual(['Ada L.', 'Bob', 'Ada L. (copy)']);

    removeSampleContact(doc, bob);
    expect(names()).toEqual(['Ada L.', 'Ada L. (copy)']);
    expect(updateSampleContact(doc, { id: bob, ...ada }).ok).toBe(false);
  });

  it('shares contacts between teammates', () => {
    const [a, b] = pair();
    const id = added(a, ada);
    expect(readSampleContacts(b).contacts).toEqual([{ id, ...ada }]);
    removeSampleContact(b, id);
    expect(readSampleContacts(a).contacts).toEqual([]);
  });

  it('keeps no reference to what the caller passed', () => {
    const doc = new Y.Doc();
    const mine = structuredClone(ada);
    added(doc, mine);
    mine.attributes.plan = 'free';
    mine.events.push({ name: 'later', at: 0 });
    expect(readSampleContacts(doc).contacts[0]).toMatchObject({ attributes: { plan: 'pro' }, events: ada.events });
  });

  it('refuses to write what it could not read back', () => {
    const doc = new Y.Doc();
    expect(addSampleContact(doc, { ...ada, attributes: { '': 1 } }).ok).toBe(false);
    expect(addSampleContact(doc, { ...ada, events: [{ name: 'x', at: Number.NaN }] }).ok).toBe(false);
    expect(addSampleContact(doc, { ...ada, name: 'x'.repeat(201) }).ok).toBe(false);
    expect(sampleContactsMap(doc).size).toBe(0);
  });

  it('stops adding at the cap', () => {
    const doc = new Y.Doc();
    for (let i = 0; i < sampleContactLimits.contacts; i++) added(doc, { name: `C${i}`, attributes: {}, events: [] });
    const write = addSampleContact(doc, ada);
    expect(write).toEqual({ ok: false, problem: expect.stringContaining('at most 100') });
  });

  it('reports a change once per transaction, and stops when unsubscribed', () => {
    const doc = new Y.Doc();
    let calls = 0;
    const stop = observeSampleContacts(doc, () => calls++);
    const id = added(doc, ada);
    updateSampleContact(doc, { id, ...ada, name: 'A' });
    expect(calls).toBe(2);
    stop();
    removeSampleContact(doc, id);
    expect(calls).toBe(2);
  });
});

describe('hostile contact entries', () => {
  it('are skipped with the reason, and the good ones still read', () => {
    const doc = new Y.Doc();
    const good = added(doc, ada);
    const map = sampleContactsMap(doc);
    map.set('text', 'hello');
    map.set('list', [1, 2]);
    map.set('ymap', new Y.Map());
    map.set('noName', { attributes: {}, events: [], addedAt: 1 });
    map.set('badValue', { name: 'X', attributes: { a: { deep: true } }, events: [], addedAt: 1 });
    map.set('badEvent', { name: 'X', attributes: {}, events: [{ name: 'x', at: 'soon' }], addedAt: 1 });
    map.set('huge', { name: 'X', attributes: {}, events: Array(501).fill({ name: 'e', at: 0 }), addedAt: 1 });
    const { contacts, skipped } = readSampleContacts(doc);
    expect(contacts.map((c) => c.id)).toEqual([good]);
    expect(Object.fromEntries(skipped.map((s) => [s.id, s.problem]))).toEqual({
      text: 'it is not a contact',
      list: 'it is not a contact',
      ymap: 'it is not a contact',
      noName: expect.stringContaining('name'),
      badValue: expect.stringContaining('attributes.a'),
      badEvent: expect.stringContaining('events.0.at'),
      huge: expect.stringContaining('events'),
    });
    // A damaged entry can still be removed.
    removeSampleContact(doc, 'text');
    expect(readSampleContacts(doc).skipped).toHaveLength(6);
  });

  it('cannot replace an attribute object’s prototype', () => {
    const doc = new Y.Doc();
    const raw = JSON.parse('{"name":"X","attributes":{"__proto__":{"polluted":1},"a":1},"events":[],"addedAt":1}');
    sampleContactsMap(doc).set('p', raw);
    const [contact] = readSampleContacts(doc).contacts;
    expect(Object.getPrototypeOf(contact.attributes)).toBe(Object.prototype);
    expect(contact.attributes).toEqual({ a: 1 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('drops fields this version does not know', () => {
    const doc = new Y.Doc();
    sampleContactsMap(doc).set('x', { name: 'X', attributes: {}, events: [], addedAt: 1, id: 'other', extra: 1 });
    expect(readSampleContacts(doc).contacts).toEqual([{ id: 'x', name: 'X', attributes: {}, events: [] }]);
  });
});
