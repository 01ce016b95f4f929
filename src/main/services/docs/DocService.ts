import * as Y from 'yjs';
import { MAX_UPDATE_BYTES } from '../../../shared/api/contract';
import type { OpenedDoc, SavedAck } from '../../../shared/api/dto';
import { ErrorCode, MailyError } from '../../../shared/errors';
import type { Database } from '../storage/Database';
import { storageError } from '../storage/storageError';
import { DocStore } from './docStore';
import { loadDoc } from './loadDoc';
import { badUpdate, describeDamage, inTrash, notFound, readOnly, tooLarge } from './problems';

/** Options for {@link DocService}. */
export interface DocServiceOptions {
  /** Snapshot a document and drop the log it covers after this many stored updates. Defaults to 500. */
  compactEvery?: number;
  /** Clock for `savedAt` and row timestamps, in ms since the epoch. Defaults to `Date.now`. */
  now?: () => number;
  /** Where failures that must not fail a call (a listener, a compaction) are reported. Defaults to `console`. */
  log?: ErrorLog;
}

/** The part of a logger the services need; the host's logger fits. */
export interface ErrorLog {
  error(message: string, detail?: unknown): void;
}

/** Called after an update is durably stored, with the origin its sender passed. */
export type UpdateListener = (campaignId: string, update: Uint8Array, origin: unknown) => void;

interface OpenDoc {
  name: string;
  doc: Y.Doc;
  /** Seq of the last stored update. */
  seq: number;
  /** Seq the stored snapshot covers. */
  snapshotSeq: number;
  /** Set when the campaign could not be fully read: it is read-only and never compacted. */
  problem: string | null;
}

/**
 * Campaign documents: one in-memory Y.Doc per open campaign, backed by a snapshot plus
 * an append-only update log in SQLite. An update is acknowledged only after its
 * transaction committed (fsynced, see {@link Database}). One instance per database.
 */
export class DocService {
  readonly #store: DocStore;
  readonly #compactEvery: number;
  readonly #now: () => number;
  readonly #log: ErrorLog;
  readonly #docs = new Map<string, OpenDoc>();
  readonly #listeners = new Set<UpdateListener>();
  #disposed = false;

  constructor(db: Database, options: DocServiceOptions = {}) {
    this.#store = new DocStore(db);
    this.#compactEvery = Math.max(1, options.compactEvery ?? 500);
    this.#now = options.now ?? Date.now;
    this.#log = options.log ?? console;
  }

  /** Loads (or returns the already loaded) document. A damaged one opens read-only. */
  open(campaignId: string): OpenedDoc {
    const entry = this.#entry(campaignId);
    return {
      campaignId,
      state: Y.encodeStateAsUpdate(entry.doc),
      readOnly: entry.problem !== null,
      problem: entry.problem,
      seq: entry.seq,
    };
  }

  /**
   * Validates `update`, stores it durably and applies it to the open document, then
   * tells the {@link DocService.onUpdate} listeners. Throws E_TOO_LARGE, E_NOT_FOUND,
   * E_READ_ONLY or E_BAD_UPDATE (nothing stored), or a storage error.
   */
  applyUpdate(campaignId: string, update: Uint8Array, origin?: unknown): SavedAck {
    this.#assertLive();
    if (!(update instanceof Uint8Array) || update.byteLength === 0) throw badUpdate();
    if (update.byteLength > MAX_UPDATE_BYTES) throw tooLarge(update.byteLength, MAX_UPDATE_BYTES);
    const entry = this.#entry(campaignId);
    if (entry.problem !== null) throw readOnly(entry.name);
    this.#integrate(campaignId, entry, update, origin);
    const seq = entry.seq + 1;
    const savedAt = this.#now();
    try {
      this.#store.append(campaignId, seq, update, savedAt);
    } catch (error) {
      // The in-memory doc already holds the unsaved update; reload from disk next time.
      this.#drop(campaignId);
      throw storageError(error, 'save this change');
    }
    entry.seq = seq;
    this.#emit(campaignId, update, origin);
    if (seq - entry.snapshotSeq >= this.#compactEvery) this.#compactQuietly(campaignId, entry);
    return { campaignId, seq, savedAt };
  }

  /**
   * Runs `fn` with the campaign's document (loading it if needed), to read from it:
   * rendering an email, say. `fn` must not change the document; changes arrive as updates.
   */
  read<T>(campaignId: string, fn: (doc: Y.Doc) => T): T {
    this.#assertLive();
    return fn(this.#entry(campaignId).doc);
  }

  /** Listens to every stored update. Returns the unsubscribe function. */
  onUpdate(listener: UpdateListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Compacts the document and drops it from memory. Safe while another window still
   * has it open: the next call reloads it from disk, which holds every acknowledged update.
   */
  close(campaignId: string): void {
    const entry = this.#docs.get(campaignId);
    if (!entry) return;
    this.#compactQuietly(campaignId, entry);
    this.#drop(campaignId);
  }

  /** Compacts and closes every open document. Further calls throw E_DISPOSED. */
  dispose(): void {
    if (this.#disposed) return;
    for (const id of [...this.#docs.keys()]) this.close(id);
    this.#listeners.clear();
    this.#disposed = true;
  }

  #assertLive(): void {
    if (this.#disposed) throw new MailyError(ErrorCode.Disposed, 'Maily is closing; this change was not saved.');
  }

  /** The loaded document of a campaign that exists and is not in the trash. */
  #entry(campaignId: string): OpenDoc {
    this.#assertLive();
    let campaign;
    try {
      campaign = this.#store.campaign(campaignId);
    } catch (error) {
      throw storageError(error, 'open this campaign');
    }
    if (!campaign) {
      this.#drop(campaignId); // purged while open
      throw notFound();
    }
    if (campaign.trashedAt !== null) throw inTrash(campaign.name);
    const entry = this.#docs.get(campaignId) ?? this.#load(campaignId, campaign.name);
    entry.name = campaign.name;
    return entry;
  }

  #load(campaignId: string, name: string): OpenDoc {
    let loaded;
    try {
      loaded = loadDoc(this.#store, campaignId);
    } catch (error) {
      throw storageError(error, `open “${name}”`);
    }
    const problem = loaded.damage ? describeDamage(name, loaded.damage) : null;
    const entry = { name, doc: loaded.doc, seq: loaded.seq, snapshotSeq: loaded.snapshotSeq, problem };
    this.#docs.set(campaignId, entry);
    return entry;
  }

  /** Applies a hostile update to the in-memory doc; throws E_BAD_UPDATE if Yjs rejects it. */
  #integrate(campaignId: string, entry: OpenDoc, update: Uint8Array, origin: unknown): void {
    try {
      // Any window (later any peer) can send garbage: decode it fully first, so most
      // malformed updates are refused before they touch the document.
      Y.decodeUpdate(update);
    } catch {
      throw badUpdate();
    }
    try {
      Y.applyUpdate(entry.doc, update, origin);
    } catch {
      // It decoded but failed half-way through applying, so the in-memory doc may hold
      // part of it. Forget that doc; the next call reloads it from disk (stored updates only).
      this.#drop(campaignId);
      throw badUpdate();
    }
  }

  #emit(campaignId: string, update: Uint8Array, origin: unknown): void {
    for (const listener of [...this.#listeners]) {
      try {
        listener(campaignId, update, origin);
      } catch (error) {
        // The update is saved; a failing listener (say, a window that just closed) must
        // not turn the acknowledgement into an error or starve the other listeners.
        this.#log.error('A document update listener failed', error);
      }
    }
  }

  /** Snapshots a healthy document whose log grew; never touches a damaged one. */
  #compactQuietly(campaignId: string, entry: OpenDoc): void {
    if (entry.problem !== null || entry.seq === entry.snapshotSeq) return;
    try {
      this.#store.writeSnapshot(campaignId, entry.seq, Y.encodeStateAsUpdate(entry.doc), this.#now());
      entry.snapshotSeq = entry.seq;
    } catch (error) {
      // Every update is already stored; a failed compaction only leaves a longer log,
      // and it is retried with the next update or on close.
      this.#log.error(`Compacting campaign ${campaignId} failed`, error);
    }
  }

  #drop(campaignId: string): void {
    this.#docs.get(campaignId)?.doc.destroy();
    this.#docs.delete(campaignId);
  }
}
