import * as Y from 'yjs';
import type { DocStore, StoredBlob } from './docStore';
import { checksum } from './docStore';

/** What is wrong with a campaign's stored document, found while loading it. */
export interface Damage {
  /** Which part: the compacted snapshot, one update of the log, or the log itself. */
  part: 'snapshot' | 'update' | 'missing' | 'unreadable';
  /** Seq of the damaged or missing row (for 'unreadable': the first row not read). */
  seq: number;
  /** When the damaged row was saved, if known. */
  savedAt: number | null;
  /** 'checksum': bytes changed on disk; 'decode': the bytes are not a Yjs update. */
  reason: 'checksum' | 'decode' | 'gap' | 'io';
}

/** A campaign's document as read from disk. */
export interface LoadedDoc {
  doc: Y.Doc;
  /** Seq of the last stored update (the last one read, when nothing is damaged). */
  seq: number;
  /** Seq the snapshot covers (0 without one). */
  snapshotSeq: number;
  /** Set when something could not be read; `doc` then holds everything before it. */
  damage: Damage | null;
}

/** Origin of the transactions that rebuild a document from disk. */
export const loadOrigin = Symbol('maily.load');

function intact(blob: StoredBlob): boolean {
  return checksum(blob.data).equals(blob.checksum);
}

/**
 * Applies `updates` in one Yjs transaction (much faster than one each) and returns the
 * index of the first one that failed, or -1. Stored bytes are hostile input like any
 * peer's: a damaged row that passed its checksum check can still throw anywhere inside
 * Yjs, so the throw is caught and reported as damage. After a failure `doc` may hold part
 * of the failed update; the caller rebuilds it from the good prefix.
 */
function applyAll(doc: Y.Doc, updates: readonly Uint8Array[]): number {
  let failed = -1;
  doc.transact(() => {
    for (let i = 0; i < updates.length; i++) {
      try {
        Y.applyUpdate(doc, updates[i], loadOrigin);
      } catch {
        failed = i;
        return;
      }
    }
  }, loadOrigin);
  return failed;
}

/** Reads the log after `fromSeq` until it ends, a row is damaged or missing, or SQLite fails. */
function readLog(store: DocStore, campaignId: string, fromSeq: number) {
  const rows: StoredBlob[] = [];
  let damage: Damage | null = null;
  try {
    for (const row of store.updatesAfter(campaignId, fromSeq)) {
      const expected = (rows.at(-1)?.seq ?? fromSeq) + 1;
      if (row.seq !== expected) damage = { part: 'missing', seq: expected, savedAt: null, reason: 'gap' };
      else if (!intact(row)) damage = { part: 'update', seq: row.seq, savedAt: row.createdAt, reason: 'checksum' };
      if (damage) break;
      rows.push(row);
    }
  } catch {
    // SQLite itself could not read further (e.g. a damaged page): keep what was read.
    damage = { part: 'unreadable', seq: (rows.at(-1)?.seq ?? fromSeq) + 1, savedAt: null, reason: 'io' };
  }
  return { rows, damage };
}

interface SnapshotRead {
  seq: number;
  /** The snapshot's bytes when it is good and was applied; empty without a snapshot. */
  good: Uint8Array[];
  damage: Damage | null;
}

function loadSnapshot(store: DocStore, campaignId: string, doc: Y.Doc): SnapshotRead {
  let snapshot: StoredBlob | undefined;
  try {
    snapshot = store.snapshot(campaignId);
  } catch {
    // The snapshot row could not be read at all; treat it like a damaged snapshot.
    return { seq: 0, good: [], damage: { part: 'snapshot', seq: 0, savedAt: null, reason: 'io' } };
  }
  if (!snapshot) return { seq: 0, good: [], damage: null };
  const base = { part: 'snapshot' as const, seq: snapshot.seq, savedAt: snapshot.createdAt };
  if (!intact(snapshot)) return { seq: snapshot.seq, good: [], damage: { ...base, reason: 'checksum' } };
  if (applyAll(doc, [snapshot.data]) !== -1) {
    return { seq: snapshot.seq, good: [], damage: { ...base, reason: 'decode' } };
  }
  return { seq: snapshot.seq, good: [snapshot.data], damage: null };
}

function lastStoredSeq(store: DocStore, campaignId: string, fallback: number): number {
  try {
    return Math.max(fallback, store.maxUpdateSeq(campaignId));
  } catch {
    // Only used to report how far the damaged log goes; what was read stays valid.
    return fallback;
  }
}

/**
 * Loads a campaign's document: the snapshot, then every update after it, verifying each
 * row's checksum, that the seqs have no gap, and that it applies. At the first damage it
 * stops, so the document holds exactly what could be read before it. Never throws for
 * damaged data; never deletes anything.
 */
export function loadDoc(store: DocStore, campaignId: string): LoadedDoc {
  let doc = new Y.Doc();
  const snap = loadSnapshot(store, campaignId, doc);
  if (snap.damage) {
    // Nothing after a damaged snapshot can be placed; show an empty, read-only journey.
    doc.destroy();
    const seq = lastStoredSeq(store, campaignId, snap.seq);
    return { doc: new Y.Doc(), seq, snapshotSeq: snap.seq, damage: snap.damage };
  }
  const { rows, damage: logDamage } = readLog(store, campaignId, snap.seq);
  const failed = applyAll(
    doc,
    rows.map((r) => r.data),
  );
  if (failed === -1 && !logDamage) {
    return { doc, seq: rows.at(-1)?.seq ?? snap.seq, snapshotSeq: snap.seq, damage: null };
  }
  let damage = logDamage;
  if (failed !== -1) {
    const bad = rows[failed];
    damage = { part: 'update', seq: bad.seq, savedAt: bad.createdAt, reason: 'decode' };
    doc.destroy();
    // Rebuild from the known-good prefix: the failed update may have half-applied.
    doc = new Y.Doc();
    applyAll(doc, [...snap.good, ...rows.slice(0, failed).map((r) => r.data)]);
  }
  return { doc, seq: lastStoredSeq(store, campaignId, rows.at(-1)?.seq ?? snap.seq), snapshotSeq: snap.seq, damage };
}
