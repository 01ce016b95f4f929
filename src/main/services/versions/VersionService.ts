import { randomBytes } from 'node:crypto';
import * as Y from 'yjs';
import { diffDocs } from '../../../shared/collab/versionDiff';
import {
  CURRENT_VERSION,
  type VersionDiff,
  type VersionRef,
  type VersionSummary,
} from '../../../shared/collab/versions';
import { ErrorCode, MailyError } from '../../../shared/errors';
import { checksum } from '../docs/docStore';
import type { DocService, ErrorLog } from '../docs/DocService';
import type { Database } from '../storage/Database';
import { storageError } from '../storage/storageError';
import { toSummary, VersionRows, type VersionBlobRow } from './versionRows';

/** Options for {@link VersionService}. */
export interface VersionServiceOptions {
  /** Clock for `createdAt`, in ms since the epoch. Defaults to `Date.now`. */
  now?: () => number;
  /** Where a failing listener is reported. Defaults to `console`. */
  log?: ErrorLog;
}

/** Longest version name, matching the contract's schema. */
export const MAX_VERSION_NAME = 120;

/** Called when a campaign's list of versions changed. */
export type VersionListener = (change: { campaignId: string }) => void;

function checkName(name: string): string {
  const trimmed = typeof name === 'string' ? name.trim() : '';
  if (!trimmed) throw new MailyError(ErrorCode.InvalidInput, 'Give the version a name.');
  if (trimmed.length > MAX_VERSION_NAME) {
    throw new MailyError(ErrorCode.InvalidInput, `Use at most ${MAX_VERSION_NAME} characters for the name.`);
  }
  return trimmed;
}

function missing(): MailyError {
  return new MailyError(
    ErrorCode.NotFound,
    'This version no longer exists; it may have been deleted in another window. Pick another one from the list.',
  );
}

function damaged(name: string): MailyError {
  return new MailyError(
    ErrorCode.Corrupt,
    `The saved version “${name}” is damaged on disk, so it cannot be shown or restored. ` +
      'The campaign itself is not affected. Pick another version, or name a new one from the campaign as it is now.',
  );
}

/**
 * Named versions of a campaign: each a whole-document snapshot of the host's current
 * document, with a SHA-256 checksum checked on every read. Restoring happens in the
 * editor (as an ordinary, undoable edit); this service stores, lists, reads and compares.
 */
export class VersionService {
  readonly #docs: Pick<DocService, 'read'>;
  readonly #rows: VersionRows;
  readonly #now: () => number;
  readonly #log: ErrorLog;
  readonly #listeners = new Set<VersionListener>();

  constructor(db: Database, docs: Pick<DocService, 'read'>, options: VersionServiceOptions = {}) {
    this.#docs = docs;
    this.#rows = new VersionRows(db);
    this.#now = options.now ?? Date.now;
    this.#log = options.log ?? console;
  }

  /** The campaign's versions, newest first. */
  list(campaignId: string): VersionSummary[] {
    return this.#guard('list the versions', () => (this.#rows.list.all(campaignId) as VersionBlobRow[]).map(toSummary));
  }

  /**
   * Names the campaign as the host holds it now (every acknowledged edit). `automatic`
   * marks the versions Maily names itself, such as the one saved before a restore.
   * Throws E_NOT_FOUND for a missing or trashed campaign.
   */
  create(campaignId: string, name: string, author: string, automatic = false): VersionSummary {
    const checked = checkName(name);
    const state = this.#docs.read(campaignId, (doc) => Y.encodeStateAsUpdate(doc));
    const id = randomBytes(12).toString('base64url');
    const who = author.trim().slice(0, 120) || 'You';
    const at = this.#now();
    this.#guard('save this version', () =>
      this.#rows.insert.run(campaignId, id, checked, who, automatic ? 1 : 0, state, checksum(state), at),
    );
    this.#emit(campaignId);
    return { id, campaignId, name: checked, author: who, automatic, createdAt: at };
  }

  /** A version with its whole-document state. Throws E_NOT_FOUND, or E_CORRUPT when its bytes changed on disk. */
  get(campaignId: string, versionId: string): { version: VersionSummary; state: Uint8Array } {
    const row = this.#guard(
      'read this version',
      () => this.#rows.get.get(campaignId, versionId) as VersionBlobRow | undefined,
    );
    if (!row) throw missing();
    const data = new Uint8Array(row.data);
    if (!Buffer.from(row.checksum).equals(checksum(data))) throw damaged(row.name);
    try {
      Y.decodeUpdate(data);
    } catch {
      throw damaged(row.name);
    }
    return { version: toSummary(row), state: data };
  }

  /** What changed from `from` to `to`; each is a version id or `current` (the campaign now). */
  diff(campaignId: string, from: VersionRef, to: VersionRef): VersionDiff {
    const docs = new Map<VersionRef, Y.Doc>();
    try {
      for (const ref of [from, to]) {
        if (ref === CURRENT_VERSION || docs.has(ref)) continue;
        const doc = new Y.Doc();
        Y.applyUpdate(doc, this.get(campaignId, ref).state);
        docs.set(ref, doc);
      }
      return this.#docs.read(campaignId, (current) =>
        diffDocs(docs.get(from) ?? current, docs.get(to) ?? current, { from, to }),
      );
    } finally {
      for (const doc of docs.values()) doc.destroy();
    }
  }

  /** Deletes a version for good. Throws E_NOT_FOUND when it is not there. */
  delete(campaignId: string, versionId: string): { versionId: string } {
    const result = this.#guard('delete this version', () => this.#rows.delete.run(campaignId, versionId));
    if (result.changes === 0) throw missing();
    this.#emit(campaignId);
    return { versionId };
  }

  /** Listens to changes of any campaign's versions. Returns the unsubscribe function. */
  onChanged(listener: VersionListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Drops the listeners. */
  dispose(): void {
    this.#listeners.clear();
  }

  #guard<T>(action: string, fn: () => T): T {
    try {
      return fn();
    } catch (error) {
      throw storageError(error, action);
    }
  }

  #emit(campaignId: string): void {
    for (const listener of [...this.#listeners]) {
      try {
        listener({ campaignId });
      } catch (error) {
        // The version is stored; a failing listener must not turn success into an error.
        this.#log.error('A versions listener failed', error);
      }
    }
  }
}
