import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_UPDATE_BYTES } from '../../../../../src/shared/api/contract';
import { ErrorCode } from '../../../../../src/shared/errors';
import { CampaignService } from '../../../../../src/main/services/campaigns/CampaignService';
import { DocService } from '../../../../../src/main/services/docs/DocService';
import type { Database } from '../../../../../src/main/services/storage/Database';
import { codeOf, JourneyClient, nodesOf, tempWorkspace, type TempWorkspace } from '../helpers';

let ws: TempWorkspace;
let db: Database;
let campaigns: CampaignService;
let clock: number;
const now = () => clock;

beforeEach(() => {
  ws = tempWorkspace();
  db = ws.open();
  clock = 1_000;
  campaigns = new CampaignService(db, { now });
});
afterEach(() => ws.cleanup());

function rows(id: string): { updates: number[]; snapshotSeq: number | undefined } {
  const updates = db.sqlite.prepare('SELECT seq FROM doc_updates WHERE campaign_id = ? ORDER BY seq').pluck().all(id);
  const snapshotSeq = db.sqlite.prepare('SELECT seq FROM doc_snapshots WHERE campaign_id = ?').pluck().get(id);
  return { updates: updates as number[], snapshotSeq: snapshotSeq as number | undefined };
}

/** Appends `count` node additions (n1, n2, …) and returns the client that made them. */
function addNodes(docs: DocService, id: string, count: number, client = new JourneyClient()): JourneyClient {
  for (let i = 1; i <= count; i++) docs.applyUpdate(id, client.addNode(`n${client.nodes.size + 1}`, 'email', i, i));
  return client;
}

describe('DocService', () => {
  it('opens a new campaign as an empty, writable document', () => {
    const { id } = campaigns.create('Welcome');
    const opened = new DocService(db).open(id);
    expect(opened).toMatchObject({ campaignId: id, readOnly: false, problem: null, seq: 0 });
    expect(nodesOf(opened.state)).toEqual({});
  });

  it('acknowledges each update with the next seq after storing it with its checksum', () => {
    const { id } = campaigns.create('Welcome');
    const docs = new DocService(db, { now });
    const client = new JourneyClient();
    clock = 5_000;
    const update = client.addNode('a');
    expect(docs.applyUpdate(id, update)).toEqual({ campaignId: id, seq: 1, savedAt: 5_000 });
    expect(docs.applyUpdate(id, client.move('a', 10, 20)).seq).toBe(2);
    const row = db.sqlite.prepare('SELECT data, checksum, created_at FROM doc_updates WHERE seq = 1').get() as {
      data: Buffer;
      checksum: Buffer;
      created_at: number;
    };
    expect(new Uint8Array(row.data)).toEqual(update);
    expect(row.checksum.equals(createHash('sha256').update(update).digest())).toBe(true);
    expect(row.created_at).toBe(5_000);
    expect(campaigns.get(id).updatedAt).toBe(5_000);
  });

  it('reloads exactly what was acknowledged from a fresh database handle', () => {
    const { id } = campaigns.create('Welcome');
    const docs = new DocService(db, { compactEvery: 1_000 });
    const client = addNodes(docs, id, 3);
    docs.applyUpdate(id, client.move('n2', 99, 98));
    docs.applyUpdate(id, client.setField('n1', 'subject', 'Hello'));
    db.dispose(); // as after a crash: no close, no compaction
    const reopened = new DocService(ws.open()).open(id);
    expect(reopened.seq).toBe(5);
    expect(nodesOf(reopened.state)).toEqual(client.nodes.toJSON());
  });

  it('tells listeners about stored updates with their origin, until they unsubscribe', () => {
    const { id } = campaigns.create('Welcome');
    const docs = new DocService(db);
    const heard: unknown[] = [];
    const off = docs.onUpdate((campaignId, update, origin) => heard.push([campaignId, update.byteLength, origin]));
    const client = new JourneyClient();
    const update = client.addNode('a');
    docs.applyUpdate(id, update, 'window-1');
    off();
    docs.applyUpdate(id, client.move('a', 1, 1), 'window-1');
    expect(heard).toEqual([[id, update.byteLength, 'window-1']]);
  });

  it('still acknowledges when a listener throws', () => {
    const { id } = campaigns.create('Welcome');
    const log = { error: vi.fn() };
    const docs = new DocService(db, { log });
    const second = vi.fn();
    docs.onUpdate(() => {
      throw new Error('window gone');
    });
    docs.onUpdate(second);
    expect(docs.applyUpdate(id, new JourneyClient().addNode('a')).seq).toBe(1);
    expect(second).toHaveBeenCalledOnce();
    expect(log.error).toHaveBeenCalledOnce();
  });

  it('refuses an update over the cap and stores nothing', () => {
    const { id } = campaigns.create('Welcome');
    const docs = new DocService(db);
    expect(codeOf(() => docs.applyUpdate(id, new Uint8Array(MAX_UPDATE_BYTES + 1)))).toBe(ErrorCode.TooLarge);
    expect(rows(id).updates).toEqual([]);
  });

  it('refuses updates that do not decode, stores nothing and keeps working', () => {
    const { id } = campaigns.create('Welcome');
    const docs = new DocService(db);
    const client = addNodes(docs, id, 1);
    const garbage = [new Uint8Array(0), Uint8Array.from([255, 255, 255, 255, 255]), client.addNode('x').slice(0, 5)];
    for (const bad of garbage) expect(codeOf(() => docs.applyUpdate(id, bad))).toBe(ErrorCode.BadUpdate);
    expect(codeOf(() => docs.applyUpdate(id, 'text' as unknown as Uint8Array))).toBe(ErrorCode.BadUpdate);
    expect(rows(id).updates).toEqual([1]);
    expect(docs.applyUpdate(id, client.move('n1', 5, 5)).seq).toBe(2);
  });

  it('a failed write surfaces as a MailyError, is not acknowledged and leaves no trace in memory', () => {
    const { id } = campaigns.create('Welcome');
    const docs = new DocService(db);
    const client = addNodes(docs, id, 1);
    db.sqlite.exec(`CREATE TRIGGER full BEFORE INSERT ON doc_updates BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    expect(codeOf(() => docs.applyUpdate(id, client.addNode('lost')))).toBe(ErrorCode.Internal);
    db.sqlite.exec('DROP TRIGGER full');
    const { state } = docs.open(id);
    expect(Object.keys(nodesOf(state))).toEqual(['n1']);
    expect(docs.applyUpdate(id, new JourneyClient(state).move('n1', 3, 3)).seq).toBe(2);
  });

  it('refuses missing and trashed campaigns', () => {
    const { id } = campaigns.create('Welcome');
    const docs = new DocService(db);
    const update = new JourneyClient().addNode('a');
    expect(codeOf(() => docs.open('nope'))).toBe(ErrorCode.NotFound);
    expect(codeOf(() => docs.applyUpdate('nope', update))).toBe(ErrorCode.NotFound);
    docs.open(id);
    campaigns.trash(id);
    expect(codeOf(() => docs.applyUpdate(id, update))).toBe(ErrorCode.NotFound);
    expect(codeOf(() => docs.open(id))).toBe(ErrorCode.NotFound);
    expect(rows(id).updates).toEqual([]);
    campaigns.restore(id);
    expect(docs.applyUpdate(id, update).seq).toBe(1);
  });

  it('compacts after every N updates: snapshot covers them, their rows are gone', () => {
    const { id } = campaigns.create('Welcome');
    const docs = new DocService(db, { compactEvery: 5 });
    const client = addNodes(docs, id, 12);
    expect(rows(id)).toEqual({ updates: [11, 12], snapshotSeq: 10 });
    const reopened = new DocService(ws.open()).open(id);
    expect(reopened.seq).toBe(12);
    expect(nodesOf(reopened.state)).toEqual(client.nodes.toJSON());
  });

  it('compacts on close and continues the seq afterwards', () => {
    const { id } = campaigns.create('Welcome');
    const docs = new DocService(db, { compactEvery: 100 });
    const client = addNodes(docs, id, 3);
    docs.close(id);
    expect(rows(id)).toEqual({ updates: [], snapshotSeq: 3 });
    expect(docs.open(id).seq).toBe(3);
    expect(docs.applyUpdate(id, client.move('n1', 7, 7)).seq).toBe(4);
    expect(nodesOf(docs.open(id).state)).toEqual(client.nodes.toJSON());
  });

  it('compacts every open document on dispose, then refuses calls', () => {
    const a = campaigns.create('A').id;
    const b = campaigns.create('B').id;
    const docs = new DocService(db);
    addNodes(docs, a, 2);
    addNodes(docs, b, 3);
    docs.dispose();
    docs.dispose();
    expect(rows(a)).toEqual({ updates: [], snapshotSeq: 2 });
    expect(rows(b)).toEqual({ updates: [], snapshotSeq: 3 });
    expect(codeOf(() => docs.open(a))).toBe(ErrorCode.Disposed);
  });

  it('forgets a campaign purged while open without failing close', () => {
    const { id } = campaigns.create('Welcome');
    const docs = new DocService(db);
    addNodes(docs, id, 2);
    campaigns.trash(id);
    campaigns.purge(id);
    expect(() => docs.close(id)).not.toThrow();
    expect(codeOf(() => docs.open(id))).toBe(ErrorCode.NotFound);
    expect(rows(id)).toEqual({ updates: [], snapshotSeq: undefined });
  });
});
