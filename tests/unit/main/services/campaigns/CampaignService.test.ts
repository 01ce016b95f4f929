import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ErrorCode } from '../../../../../src/shared/errors';
import { CampaignService } from '../../../../../src/main/services/campaigns/CampaignService';
import { DocService } from '../../../../../src/main/services/docs/DocService';
import type { Database } from '../../../../../src/main/services/storage/Database';
import { codeOf, JourneyClient, nodesOf, tempWorkspace, type TempWorkspace } from '../helpers';

let ws: TempWorkspace;
let db: Database;
let clock: number;
let campaigns: CampaignService;
let changes: string[];
const now = () => clock;

beforeEach(() => {
  ws = tempWorkspace();
  db = ws.open();
  clock = 1_000;
  campaigns = new CampaignService(db, { now });
  changes = [];
  campaigns.onChanged(({ id }) => changes.push(id));
});
afterEach(() => ws.cleanup());

/** Creates campaigns one tick apart, so their order is known. */
function createAll(...names: string[]): string[] {
  return names.map((name) => {
    clock += 10;
    return campaigns.create(name).id;
  });
}

const names = (list: { name: string }[]) => list.map((c) => c.name);

describe('CampaignService', () => {
  it('creates a campaign with a url-safe random id and tells listeners', () => {
    const created = campaigns.create('  Welcome series ');
    expect(created).toEqual({
      id: created.id,
      name: 'Welcome series',
      createdAt: 1_000,
      updatedAt: 1_000,
      trashedAt: null,
      teamId: null,
    });
    expect(created.id).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    expect(campaigns.create('Other').id).not.toBe(created.id);
    expect(changes[0]).toBe(created.id);
    expect(campaigns.get(created.id)).toEqual(created);
  });

  it('refuses empty and over-long names', () => {
    expect(codeOf(() => campaigns.create('   '))).toBe(ErrorCode.InvalidInput);
    expect(codeOf(() => campaigns.create('x'.repeat(121)))).toBe(ErrorCode.InvalidInput);
    expect(campaigns.list()).toEqual([]);
  });

  it('renames a campaign and moves it to the top', () => {
    const [a] = createAll('A', 'B');
    clock = 5_000;
    expect(campaigns.rename(a, 'Spring')).toMatchObject({ name: 'Spring', updatedAt: 5_000, createdAt: 1_010 });
    expect(names(campaigns.list())).toEqual(['Spring', 'B']);
    expect(changes.at(-1)).toBe(a);
    expect(codeOf(() => campaigns.rename('missing', 'X'))).toBe(ErrorCode.NotFound);
  });

  it('lists by last change, then by name regardless of case', () => {
    clock = 10;
    ['beta', 'Alpha', 'gamma'].forEach((n) => campaigns.create(n));
    clock = 20;
    campaigns.create('Newest');
    expect(names(campaigns.list())).toEqual(['Newest', 'Alpha', 'beta', 'gamma']);
  });

  it('searches names case-insensitively, with % and _ taken literally', () => {
    createAll('Summer SALE', 'Über Onboarding', '100% off', 'win_back', 'winXback');
    expect(names(campaigns.list({ query: 'sale' }))).toEqual(['Summer SALE']);
    expect(names(campaigns.list({ query: 'über' }))).toEqual(['Über Onboarding']);
    expect(names(campaigns.list({ query: '%' }))).toEqual(['100% off']);
    expect(names(campaigns.list({ query: 'win_' }))).toEqual(['win_back']);
    expect(names(campaigns.list({ query: '  ' }))).toHaveLength(5);
    expect(campaigns.list({ query: 'nothing like it' })).toEqual([]);
  });

  it('trashes and restores without losing anything', () => {
    const [a, b] = createAll('A', 'B');
    clock = 9_000;
    expect(campaigns.trash(a)).toMatchObject({ trashedAt: 9_000 });
    expect(campaigns.trash(a).trashedAt).toBe(9_000);
    expect(names(campaigns.list())).toEqual(['B']);
    expect(names(campaigns.list({ trash: true }))).toEqual(['A']);
    expect(codeOf(() => campaigns.rename(a, 'X'))).toBe(ErrorCode.NotFound);
    expect(campaigns.restore(a).trashedAt).toBeNull();
    expect(names(campaigns.list())).toEqual(['B', 'A']);
    expect(changes.filter((id) => id === a)).toHaveLength(3); // create, trash, restore
    expect(campaigns.restore(b).trashedAt).toBeNull();
  });

  it('purges only from the trash, deleting the document with it', () => {
    const [a, b] = createAll('A', 'B');
    const docs = new DocService(db, { compactEvery: 2 });
    for (const id of [a, b]) {
      const client = new JourneyClient();
      for (let i = 0; i < 3; i++) docs.applyUpdate(id, client.addNode(`n${i}`));
    }
    expect(codeOf(() => campaigns.purge(a))).toBe(ErrorCode.NotFound);
    campaigns.trash(a);
    expect(campaigns.purge(a)).toEqual({ id: a });
    expect(codeOf(() => campaigns.get(a))).toBe(ErrorCode.NotFound);
    const count = (table: string, id: string) =>
      db.sqlite.prepare(`SELECT count(*) FROM ${table} WHERE campaign_id = ?`).pluck().get(id);
    expect([count('doc_updates', a), count('doc_snapshots', a)]).toEqual([0, 0]);
    expect([count('doc_updates', b), count('doc_snapshots', b)]).toEqual([1, 1]);
    expect(changes.at(-1)).toBe(a);
  });

  it('duplicates the whole document into an independent "(copy)"', () => {
    const [source] = createAll('Welcome');
    const docs = new DocService(db, { compactEvery: 3 });
    const client = new JourneyClient();
    for (let i = 0; i < 5; i++) docs.applyUpdate(source, client.addNode(`n${i}`, 'email', i, i));
    docs.applyUpdate(source, client.setField('n1', 'subject', 'Hi'));
    clock = 7_000;
    const copy = campaigns.duplicate(source);
    expect(copy).toMatchObject({ name: 'Welcome (copy)', createdAt: 7_000, updatedAt: 7_000, trashedAt: null });
    const opened = docs.open(copy.id);
    expect(nodesOf(opened.state)).toEqual(client.nodes.toJSON());
    docs.applyUpdate(copy.id, new JourneyClient(opened.state).addNode('only-in-copy'));
    expect(Object.keys(nodesOf(docs.open(source).state))).not.toContain('only-in-copy');
    expect(campaigns.duplicate(createAll('x'.repeat(120))[0]).name).toHaveLength(120);
  });

  it('document updates touch updatedAt and count as changes when wired to DocService', () => {
    const docs = new DocService(db, { now });
    const wired = new CampaignService(db, { now, docs });
    const heard: string[] = [];
    wired.onChanged(({ id }) => heard.push(id));
    const [a] = createAll('A', 'B');
    clock = 8_000;
    docs.applyUpdate(a, new JourneyClient().addNode('n'));
    expect(heard).toEqual([a]);
    expect(names(wired.list())).toEqual(['A', 'B']);
    expect(wired.get(a).updatedAt).toBe(8_000);
    wired.dispose();
    docs.applyUpdate(a, new JourneyClient().addNode('m'));
    expect(heard).toEqual([a]);
  });

  it('unsubscribes listeners and survives one that throws', () => {
    const log = { error: vi.fn() };
    const service = new CampaignService(db, { log });
    const listener = vi.fn();
    service.onChanged(() => {
      throw new Error('window gone');
    });
    const off = service.onChanged(listener);
    service.create('A');
    off();
    service.create('B');
    expect(listener).toHaveBeenCalledOnce();
    expect(log.error).toHaveBeenCalledTimes(2);
  });
});
