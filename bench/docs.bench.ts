import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { CampaignService } from '../src/main/services/campaigns/CampaignService';
import { DocService } from '../src/main/services/docs/DocService';
import { Database } from '../src/main/services/storage/Database';
import type { NodeKind } from '../src/shared/journey/kinds';
import { addNode, moveNodes, nodesMap, updateNodeData } from '../src/shared/journey/ydoc';
import { seededRandom as seeded } from '../src/shared/simulator/random';
import { percentile, round, writeResult, type BenchResult } from './results';

const UPDATES = 10_000;
const kinds: NodeKind[] = ['email', 'delay', 'condition', 'waitUntil', 'updateProfile'];

/**
 * An editing session like a designer's, one Yjs update per step: 40 nodes first, then
 * mostly drags (one node moved), typing in a field (label/subject grows a character at
 * a time) and the odd new node. Deterministic (seeded).
 */
function* editingSession(client: Y.Doc, count: number): Generator<void> {
  const random = seeded(7);
  const ids: string[] = [];
  const pick = () => ids[Math.floor(random() * ids.length)];
  for (let i = 0; i < count; i++) {
    const roll = random();
    if (i < 40 || roll < 0.03) {
      ids.push(addNode(client, kinds[i % kinds.length], { x: (i % 8) * 280, y: Math.floor(i / 8) * 140 }));
    } else if (roll < 0.65) {
      moveNodes(client, [{ id: pick(), x: Math.round(random() * 3000), y: Math.round(random() * 2000) }]);
    } else {
      updateNodeData(client, pick(), { label: `Step ${i} ${'x'.repeat(i % 30)}` });
    }
    yield;
  }
}

function workspace(): { file: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'maily-docs-bench-'));
  return { file: join(dir, 'workspace.sqlite'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Appends the session through DocService; returns per-ack latencies and the client's final JSON. */
function append(file: string, compactEvery: number) {
  const db = new Database(file);
  const id = new CampaignService(db).create('Bench').id;
  const docs = new DocService(db, { compactEvery });
  const client = new Y.Doc();
  const pending: Uint8Array[] = [];
  client.on('update', (update: Uint8Array) => pending.push(update));
  const latencies: number[] = [];
  const started = performance.now();
  const session = editingSession(client, UPDATES);
  while (!session.next().done) {
    const update = pending.pop() as Uint8Array;
    const t0 = performance.now();
    docs.applyUpdate(id, update);
    latencies.push(performance.now() - t0);
  }
  const totalMs = performance.now() - started;
  // Leave without dispose, as a crash would: the next load sees whatever tail is left.
  db.dispose();
  return { id, latencies, totalMs, expected: JSON.stringify(nodesMap(client).toJSON()) };
}

/** Cold loads: a new Database + DocService on the file each time; times `open()` only. */
function coldLoad(file: string, id: string, expected: string, runs = 5): number[] {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const db = new Database(file);
    const docs = new DocService(db);
    const t0 = performance.now();
    const opened = docs.open(id);
    times.push(performance.now() - t0);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, opened.state);
    if (opened.readOnly || JSON.stringify(nodesMap(doc).toJSON()) !== expected) {
      throw new Error('Loaded document differs from what was written');
    }
    db.dispose(); // not docs.dispose(): keep the uncompacted log for the next run
  }
  return times;
}

/**
 * 10,000 realistic updates appended to one campaign (compaction every 500, the default),
 * then cold loads; and the same with compaction off, the worst case of a 10,000-row log.
 */
export async function runDocsBench(): Promise<BenchResult> {
  const compacted = workspace();
  const uncompacted = workspace();
  try {
    const a = append(compacted.file, 500);
    const loadCompacted = coldLoad(compacted.file, a.id, a.expected);
    const b = append(uncompacted.file, 1_000_000_000);
    const loadUncompacted = coldLoad(uncompacted.file, b.id, b.expected);
    const results = {
      updates: UPDATES,
      appendTotalMs: round(a.totalMs),
      appendPerSecond: Math.round(UPDATES / (a.totalMs / 1000)),
      appendP50Ms: round(percentile(a.latencies, 50), 3),
      appendP99Ms: round(percentile(a.latencies, 99), 3),
      appendMaxMs: round(Math.max(...a.latencies), 2),
      loadCompactedFirstMs: round(loadCompacted[0], 2),
      loadCompactedMs: round(percentile(loadCompacted, 50), 2),
      loadUncompactedFirstMs: round(loadUncompacted[0], 2),
      loadUncompactedMs: round(percentile(loadUncompacted, 50), 2),
    };
    const targets = { loadCompactedMs: 300, loadUncompactedMs: 300 };
    const notes =
      'Append = DocService.applyUpdate incl. synchronous=FULL fsync and compaction every 500. ' +
      'Load = median of 5 cold DocService.open() (new Database each time) after an unclean exit; ' +
      '"uncompacted" replays a 10,000-row log (compaction off), the worst case. Files in os.tmpdir().';
    return writeResult('docs', results, targets, notes);
  } finally {
    compacted.cleanup();
    uncompacted.cleanup();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runDocsBench();
