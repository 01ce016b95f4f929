import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { blockKinds } from '../src/shared/email/blocks';
import { getBlockText, insertBlock, moveBlock, readEmail, removeBlock } from '../src/shared/email/emailDoc';
import type { NodeKind } from '../src/shared/journey/kinds';
import {
  addNode,
  moveNodes,
  readJourney,
  removeElements,
  setPortTarget,
  updateNodeData,
} from '../src/shared/journey/ydoc';
import { seededRandom } from '../src/shared/simulator/random';
import { buildTemplate } from '../src/shared/templates';
import { percentile, round, writeResult, type BenchResult } from './results';

const OFFLINE_EDITS = 5_000;
const ONLINE_EDITS = 300;
const RUNS = 5;
const kinds: NodeKind[] = ['email', 'delay', 'condition', 'waitUntil', 'updateProfile'];

type Random = () => number;
const int = (random: Random, max: number) => Math.floor(random() * max);
const pick = <T>(random: Random, items: readonly T[]): T | undefined => items[int(random, items.length)];

/** Typing in one email's text: a few characters at a time, the odd deletion. */
function typeInEmail(random: Random, doc: Y.Doc, origin: unknown, emailId: string): void {
  const block = pick(
    random,
    readEmail(doc, emailId).blocks.filter((b) => b.kind === 'text' || b.kind === 'heading'),
  );
  const text = block && getBlockText(doc, emailId, block.id);
  if (!text) return void insertBlock(doc, emailId, 0, 'text', origin);
  const at = int(random, text.length + 1);
  doc.transact(() => {
    if (random() < 0.85 || text.length < 5) text.insert(at, 'lorem ipsum '.slice(0, 1 + int(random, 3)));
    else text.delete(Math.max(0, at - 3), 3);
  }, origin);
}

function editBlocks(random: Random, doc: Y.Doc, origin: unknown, emailId: string): void {
  const { blocks } = readEmail(doc, emailId);
  const block = pick(random, blocks);
  const roll = random();
  if (roll < 0.45 || !block)
    insertBlock(doc, emailId, int(random, blocks.length + 1), pick(random, blockKinds)!, origin);
  else if (roll < 0.75) moveBlock(doc, emailId, block.id, int(random, blocks.length), origin);
  else removeBlock(doc, emailId, block.id, origin);
}

function editNodes(random: Random, doc: Y.Doc, origin: unknown): void {
  const { nodes } = readJourney(doc);
  if (random() < 0.6 || nodes.length < 8) {
    const id = addNode(doc, pick(random, kinds)!, { x: int(random, 3000), y: int(random, 2000) }, undefined, origin);
    const from = pick(random, nodes);
    if (from && from.kind !== 'goal') setPortTarget(doc, { source: from.id, sourceHandle: 'out' }, id, origin);
  } else removeElements(doc, [pick(random, nodes)!.id], [], origin);
}

/**
 * A designer's session through the app's writers: drags (30%), typing in a subject or
 * label (20%), typing in an email's text (30%), adding/moving/removing blocks (10%),
 * adding (and connecting) or removing steps (10%). Deterministic for a seed.
 */
function session(doc: Y.Doc, edits: number, seed: number): void {
  const random = seededRandom(seed);
  const origin = { editor: seed };
  for (let i = 0; i < edits; i++) {
    const { nodes } = readJourney(doc);
    const node = pick(random, nodes)!;
    const email = pick(
      random,
      nodes.filter((n) => n.kind === 'email'),
    );
    const roll = random();
    if (roll < 0.3) moveNodes(doc, [{ id: node.id, x: int(random, 3000), y: int(random, 2000) }], origin);
    else if (roll < 0.5) {
      const field = node.kind === 'email' ? 'subject' : 'label';
      const value = typeof node.data[field] === 'string' ? (node.data[field] as string) : '';
      updateNodeData(doc, node.id, { [field]: (value + 'abc'[i % 3]).slice(-80) }, origin);
    } else if (roll < 0.8 && email) typeInEmail(random, doc, origin, email.id);
    else if (roll < 0.9 && email) editBlocks(random, doc, origin, email.id);
    else editNodes(random, doc, origin);
  }
}

/** Two replicas of the welcome template: one edits offline for a day, the other a little. */
function diverged(): { offline: Y.Doc; online: Y.Doc; editMs: number } {
  const initial = Y.encodeStateAsUpdate(buildTemplate('welcome'));
  const offline = new Y.Doc();
  const online = new Y.Doc();
  offline.clientID = 1001;
  online.clientID = 2002;
  Y.applyUpdate(offline, initial);
  Y.applyUpdate(online, initial);
  const t0 = performance.now();
  session(offline, OFFLINE_EDITS, 1);
  const editMs = performance.now() - t0;
  session(online, ONLINE_EDITS, 2);
  return { offline, online, editMs };
}

/** The doc's content as JSON with sorted keys (map key order depends on arrival order). */
function content(doc: Y.Doc): string {
  const json = { nodes: doc.getMap('nodes'), edges: doc.getMap('edges'), emails: doc.getMap('emails') };
  return JSON.stringify(json, (_key, value: unknown) => {
    const v = value instanceof Y.AbstractType ? value.toJSON() : value;
    return v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort()) : v;
  });
}

const same = (a: Y.Doc, b: Y.Doc) =>
  Buffer.from(Y.encodeStateVector(a)).equals(Buffer.from(Y.encodeStateVector(b))) && content(a) === content(b);

/** The reconnect as y-protocols does it, by hand: state vectors, then each side's diff. */
function mergeByHand(a: Y.Doc, b: Y.Doc): { ms: number; bytes: number } {
  const t0 = performance.now();
  const svA = Y.encodeStateVector(a);
  const svB = Y.encodeStateVector(b);
  const forB = Y.encodeStateAsUpdate(a, svB);
  const forA = Y.encodeStateAsUpdate(b, svA);
  Y.applyUpdate(b, forB, 'remote');
  Y.applyUpdate(a, forA, 'remote');
  return { ms: performance.now() - t0, bytes: svA.length + svB.length + forA.length + forB.length };
}

/** The same through y-protocols' sync messages: step 1 each way, answered by step 2. */
function mergeBySyncProtocol(a: Y.Doc, b: Y.Doc): { ms: number; bytes: number } {
  const t0 = performance.now();
  let bytes = 0;
  const send = (to: Y.Doc, message: Uint8Array): Uint8Array | null => {
    bytes += message.length;
    const reply = encoding.createEncoder();
    syncProtocol.readSyncMessage(decoding.createDecoder(message), reply, to, 'remote');
    return encoding.length(reply) > 0 ? encoding.toUint8Array(reply) : null;
  };
  for (const [from, to] of [
    [a, b],
    [b, a],
  ]) {
    const step1 = encoding.createEncoder();
    syncProtocol.writeSyncStep1(step1, from);
    const step2 = send(to, encoding.toUint8Array(step1));
    if (step2) send(from, step2);
  }
  return { ms: performance.now() - t0, bytes };
}

const median = (values: number[]) => percentile(values, 50);

function clone(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  copy.clientID = doc.clientID;
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

type Merge = (a: Y.Doc, b: Y.Doc) => { ms: number; bytes: number };

/**
 * Runs both merges on the same diverged pair (one on the live replicas, one on copies,
 * alternating), after one warm-up run that is not counted.
 */
function measure(merges: Record<'byHand' | 'protocol', Merge>) {
  const ms = { byHand: [] as number[], protocol: [] as number[] };
  const bytes = { byHand: 0, protocol: 0 };
  const editMs: number[] = [];
  let docBytes = 0;
  for (let i = 0; i <= RUNS; i++) {
    const live = diverged();
    const copies = { offline: clone(live.offline), online: clone(live.online) };
    const order = i % 2 === 0 ? (['byHand', 'protocol'] as const) : (['protocol', 'byHand'] as const);
    for (const [k, pair] of [
      [order[0], live],
      [order[1], copies],
    ] as const) {
      const merged = merges[k](pair.offline, pair.online);
      if (!same(pair.offline, pair.online)) throw new Error(`The replicas differ after the ${k} merge`);
      if (i === 0) continue;
      ms[k].push(merged.ms);
      if (pair === live) bytes[k] = merged.bytes; // a copy's diff splits structs a little differently
    }
    if (i > 0) editMs.push(live.editMs);
    docBytes = Y.encodeStateAsUpdate(live.offline).length;
  }
  return { byHandMs: median(ms.byHand), protocolMs: median(ms.protocol), bytes, editMs: median(editMs), docBytes };
}

/**
 * A designer works offline for a day (5,000 edits) while a teammate makes 300; then
 * they reconnect. Times the merge until both replicas match and counts the bytes sent,
 * by hand (state vectors → diffs → apply) and through y-protocols' sync messages.
 */
export async function runMergeBench(): Promise<BenchResult> {
  const m = measure({ byHand: mergeByHand, protocol: mergeBySyncProtocol });
  const results = {
    offlineEdits: OFFLINE_EDITS,
    onlineEdits: ONLINE_EDITS,
    offlineSessionMs: round(m.editMs),
    mergedDocBytes: m.docBytes,
    mergeMs: round(m.byHandMs, 2),
    mergeBytes: m.bytes.byHand,
    syncProtocolMergeMs: round(m.protocolMs, 2),
    syncProtocolBytes: m.bytes.protocol,
  };
  const targets = { mergeMs: 100, syncProtocolMergeMs: 100 };
  const notes =
    `Median of ${RUNS} runs after a warm-up, each from the welcome template (fresh replicas). Merge = both state ` +
    'vectors, both diffs (Y.encodeStateAsUpdate), both applied; bytes = everything sent both ways. ' +
    'syncProtocol* = the same through y-protocols/sync step 1/step 2 messages.';
  return writeResult('merge', results, targets, notes);
}

if (import.meta.url === `file://${process.argv[1]}`) await runMergeBench();
