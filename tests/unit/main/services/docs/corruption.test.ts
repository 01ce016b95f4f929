import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../../../src/shared/errors';
import { CampaignService } from '../../../../../src/main/services/campaigns/CampaignService';
import { DocService } from '../../../../../src/main/services/docs/DocService';
import { checksum } from '../../../../../src/main/services/docs/docStore';
import type { Database } from '../../../../../src/main/services/storage/Database';
import { JourneyClient, nodesOf, tempWorkspace, type TempWorkspace } from '../helpers';

let ws: TempWorkspace;
let ids: { damaged: string; other: string; third: string };
let expected: Record<string, unknown>;

/**
 * Three campaigns written through the real services. "Damaged" gets a snapshot covering
 * n1..n5 and a log n6..n8 (compactEvery 5), so both parts can be corrupted.
 */
beforeEach(() => {
  ws = tempWorkspace();
  const db = ws.open();
  const campaigns = new CampaignService(db);
  const docs = new DocService(db, { compactEvery: 5 });
  ids = {
    damaged: campaigns.create('Spring sale').id,
    other: campaigns.create('Welcome').id,
    third: campaigns.create('Winback').id,
  };
  expected = {};
  for (const [key, id] of Object.entries(ids)) {
    const client = new JourneyClient();
    const count = key === 'damaged' ? 8 : 3;
    for (let i = 1; i <= count; i++) docs.applyUpdate(id, client.addNode(`n${i}`, 'email', i, i));
    expected[id] = client.nodes.toJSON();
  }
  db.dispose(); // no compaction on the way out: keep the log as written
});
afterEach(() => ws.cleanup());

function raw(): Database {
  return ws.open();
}

function countRows(db: Database, id: string): unknown {
  return db.sqlite
    .prepare(
      `SELECT (SELECT count(*) FROM doc_updates WHERE campaign_id = ?), (SELECT hex(data) FROM doc_snapshots WHERE campaign_id = ?)`,
    )
    .raw()
    .get(id, id);
}

/** Opens everything in a fresh process-like state and checks the healthy campaigns. */
function openAll() {
  const db = ws.open();
  const docs = new DocService(db);
  for (const id of [ids.other, ids.third]) {
    const opened = docs.open(id);
    expect(opened.readOnly).toBe(false);
    expect(nodesOf(opened.state)).toEqual(expected[id]);
  }
  return { db, docs, damaged: docs.open(ids.damaged) };
}

function keys(state: Uint8Array): string[] {
  return Object.keys(nodesOf(state)).sort();
}

/** Truncates a stored blob and rewrites its checksum, so only decoding can notice. */
function truncateKeepingChecksum(db: Database, table: string, where: string): void {
  const row = db.sqlite.prepare(`SELECT rowid, data FROM ${table} WHERE ${where}`).get(ids.damaged) as {
    rowid: number;
    data: Buffer;
  };
  const data = row.data.subarray(0, Math.floor(row.data.length / 2));
  expect(() => Y.decodeUpdate(data)).toThrow();
  db.sqlite.prepare(`UPDATE ${table} SET data = ?, checksum = ? WHERE rowid = ?`).run(data, checksum(data), row.rowid);
}

describe('damaged campaigns', () => {
  it('a damaged update opens read-only with everything before it; others are untouched', () => {
    raw()
      .sqlite.prepare('UPDATE doc_updates SET data = randomblob(40) WHERE campaign_id = ? AND seq = 7')
      .run(ids.damaged);
    const { db, docs, damaged } = openAll();
    const before = countRows(db, ids.damaged);
    expect(damaged.readOnly).toBe(true);
    expect(damaged.seq).toBe(8);
    expect(keys(damaged.state)).toEqual(['n1', 'n2', 'n3', 'n4', 'n5', 'n6']);
    expect(damaged.problem).toMatch(/Spring sale.*damaged/);
    expect(damaged.problem).toMatch(/read-only/);
    expect(damaged.problem).toMatch(/other campaigns are not affected/);
    expect(damaged.problem).toMatch(/duplicate it/);
    const update = new JourneyClient(damaged.state).addNode('n9');
    expect(() => docs.applyUpdate(ids.damaged, update)).toThrow(expect.objectContaining({ code: ErrorCode.ReadOnly }));
    expect(docs.applyUpdate(ids.other, new JourneyClient().addNode('x')).seq).toBe(4);
    docs.dispose(); // would compact a healthy doc; must not rewrite the damaged one
    expect(countRows(db, ids.damaged)).toEqual(before);
  });

  it('valid Yjs bytes that are not what was saved are caught by the checksum', () => {
    const db = raw();
    db.sqlite
      .prepare(
        `UPDATE doc_updates SET data = (SELECT data FROM doc_updates WHERE campaign_id = ? AND seq = 8)
         WHERE campaign_id = ? AND seq = 7`,
      )
      .run(ids.damaged, ids.damaged);
    const { damaged } = openAll();
    expect(damaged.readOnly).toBe(true);
    expect(keys(damaged.state)).toEqual(['n1', 'n2', 'n3', 'n4', 'n5', 'n6']);
    expect(damaged.problem).toMatch(/changed on disk/);
  });

  it('an update that passes its checksum but does not decode is found too', () => {
    truncateKeepingChecksum(raw(), 'doc_updates', 'campaign_id = ? AND seq = 6');
    const { damaged } = openAll();
    expect(damaged.readOnly).toBe(true);
    expect(keys(damaged.state)).toEqual(['n1', 'n2', 'n3', 'n4', 'n5']);
    expect(damaged.problem).toMatch(/cannot be read/);
  });

  it('a damaged snapshot opens read-only and empty, and says so', () => {
    raw().sqlite.prepare('UPDATE doc_snapshots SET data = randomblob(64) WHERE campaign_id = ?').run(ids.damaged);
    const { damaged } = openAll();
    expect(damaged.readOnly).toBe(true);
    expect(keys(damaged.state)).toEqual([]);
    expect(damaged.problem).toMatch(
      /saved copy of “Spring sale” is damaged.*read-only.*other campaigns are not affected/,
    );
  });

  it('a snapshot that passes its checksum but does not decode is found too', () => {
    truncateKeepingChecksum(raw(), 'doc_snapshots', 'campaign_id = ?');
    const { damaged } = openAll();
    expect(damaged.readOnly).toBe(true);
    expect(damaged.problem).toMatch(/saved copy/);
  });

  it('a missing update opens read-only with everything before the gap', () => {
    raw().sqlite.prepare('DELETE FROM doc_updates WHERE campaign_id = ? AND seq = 7').run(ids.damaged);
    const { damaged } = openAll();
    expect(damaged.readOnly).toBe(true);
    expect(keys(damaged.state)).toEqual(['n1', 'n2', 'n3', 'n4', 'n5', 'n6']);
    expect(damaged.problem).toMatch(/missing/);
  });

  it('duplicating a damaged campaign keeps what could be read, in an editable copy', () => {
    raw()
      .sqlite.prepare('UPDATE doc_updates SET data = randomblob(40) WHERE campaign_id = ? AND seq = 8')
      .run(ids.damaged);
    const { db, docs } = openAll();
    const copy = new CampaignService(db).duplicate(ids.damaged);
    expect(copy.name).toBe('Spring sale (copy)');
    const opened = docs.open(copy.id);
    expect(opened.readOnly).toBe(false);
    expect(keys(opened.state)).toEqual(['n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7']);
    expect(docs.applyUpdate(copy.id, new JourneyClient(opened.state).addNode('n8')).seq).toBe(1);
  });
});
