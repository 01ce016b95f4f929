import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CampaignService } from '../../../../../src/main/services/campaigns/CampaignService';
import { DocService } from '../../../../../src/main/services/docs/DocService';
import { DocStore, checksum } from '../../../../../src/main/services/docs/docStore';
import type { Database } from '../../../../../src/main/services/storage/Database';
import { JourneyClient, nodesOf, tempWorkspace, type TempWorkspace } from '../helpers';

let ws: TempWorkspace;
let db: Database;
let id: string;
let updates: Uint8Array[];
let expected: unknown;

/** Stores 10 realistic updates with compaction off and remembers them. */
beforeEach(() => {
  ws = tempWorkspace();
  db = ws.open();
  id = new CampaignService(db).create('Journey').id;
  const docs = new DocService(db, { compactEvery: 1_000 });
  const client = new JourneyClient();
  updates = [client.addNode('a'), client.addNode('b', 'delay'), client.move('a', 5, 6)];
  for (let i = 0; i < 7; i++) updates.push(client.setField(i % 2 ? 'a' : 'b', 'label', `v${i}`));
  for (const update of updates) docs.applyUpdate(id, update);
  expected = client.nodes.toJSON();
});
afterEach(() => ws.cleanup());

function stateAfter(count: number): Uint8Array {
  const doc = new Y.Doc();
  for (const update of updates.slice(0, count)) Y.applyUpdate(doc, update);
  return Y.encodeStateAsUpdate(doc);
}

function loadFresh(): { seq: number; nodes: unknown; readOnly: boolean } {
  const opened = new DocService(ws.open()).open(id);
  return { seq: opened.seq, nodes: nodesOf(opened.state), readOnly: opened.readOnly };
}

describe('compaction and crash consistency', () => {
  it('loads the same document from every state a crash can leave behind', () => {
    const write = db.sqlite.prepare(
      `INSERT OR REPLACE INTO doc_snapshots (campaign_id, seq, data, checksum, created_at) VALUES (?, ?, ?, ?, 0)`,
    );
    // Snapshot written, covered rows still present (as if the delete had not happened).
    for (let k = 0; k <= updates.length; k++) {
      const state = stateAfter(k);
      write.run(id, k, state, checksum(state));
      expect(loadFresh(), `snapshot at ${k}, full log`).toEqual({ seq: 10, nodes: expected, readOnly: false });
    }
    // The committed compaction: snapshot at k and only the rows after it.
    const store = new DocStore(db);
    for (let k = 0; k <= updates.length; k++) {
      store.writeSnapshot(id, k, stateAfter(k), 0);
      expect(loadFresh(), `snapshot at ${k}, tail only`).toEqual({ seq: 10, nodes: expected, readOnly: false });
    }
  });

  it('a compaction that fails half-way changes nothing, and the update stays acknowledged', () => {
    db.sqlite.exec(
      `CREATE TRIGGER fail_delete BEFORE DELETE ON doc_updates BEGIN SELECT RAISE(ABORT, 'disk gone'); END`,
    );
    const log = { error: vi.fn() };
    const docs = new DocService(db, { compactEvery: 11, log });
    const client = new JourneyClient(stateAfter(10));
    const ack = docs.applyUpdate(id, client.move('b', 1, 2));
    expect(ack.seq).toBe(11);
    expect(log.error).toHaveBeenCalled();
    expect(db.sqlite.prepare('SELECT count(*) FROM doc_snapshots').pluck().get()).toBe(0);
    expect(db.sqlite.prepare('SELECT count(*) FROM doc_updates').pluck().get()).toBe(11);
    db.sqlite.exec('DROP TRIGGER fail_delete');
    docs.close(id);
    expect(loadFresh()).toEqual({ seq: 11, nodes: client.nodes.toJSON(), readOnly: false });
  });
});
