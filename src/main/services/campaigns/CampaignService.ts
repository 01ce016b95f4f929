import * as Y from 'yjs';
import type { CampaignSummary } from '../../../shared/api/dto';
import { ErrorCode, MailyError } from '../../../shared/errors';
import { DocStore } from '../docs/docStore';
import type { ErrorLog, UpdateListener } from '../docs/DocService';
import { loadDoc } from '../docs/loadDoc';
import { notFound } from '../docs/problems';
import type { Database } from '../storage/Database';
import { storageError } from '../storage/storageError';
import { CampaignRows, checkName, copyName, newCampaignId } from './campaignRows';

/** Options for {@link CampaignService}. */
export interface CampaignServiceOptions {
  /** Clock for timestamps, in ms since the epoch. Defaults to `Date.now`. */
  now?: () => number;
  /**
   * When given, every stored document update also counts as a change of its campaign
   * (its `updatedAt` moved), so list views can re-sort. Defaults to none.
   */
  docs?: { onUpdate(listener: UpdateListener): () => void };
  /** Where a failing listener is reported. Defaults to `console`. */
  log?: ErrorLog;
}

/** Filters for {@link CampaignService.list}. */
export interface ListOptions {
  /** Case-insensitive substring of the name. */
  query?: string;
  /** List the trash instead of the live campaigns. Defaults to false. */
  trash?: boolean;
}

/** Called with the id of a campaign that was created, renamed, trashed, … */
export type CampaignListener = (change: { id: string }) => void;

/** The campaign list: create, rename, duplicate, trash, restore and purge campaigns. */
export class CampaignService {
  readonly #db: Database;
  readonly #rows: CampaignRows;
  readonly #docs: DocStore;
  readonly #now: () => number;
  readonly #log: ErrorLog;
  readonly #listeners = new Set<CampaignListener>();
  readonly #unsubscribe: () => void;

  constructor(db: Database, options: CampaignServiceOptions = {}) {
    this.#db = db;
    this.#rows = new CampaignRows(db);
    this.#docs = new DocStore(db);
    this.#now = options.now ?? Date.now;
    this.#log = options.log ?? console;
    this.#unsubscribe = options.docs?.onUpdate((id) => this.#emit(id)) ?? (() => undefined);
  }

  /** Live campaigns (or the trash), most recently changed first, then by name. */
  list(options: ListOptions = {}): CampaignSummary[] {
    const trash = options.trash ? 1 : 0;
    const query = options.query?.trim() ?? '';
    return this.#guard(
      'list your campaigns',
      () => (query ? this.#rows.search.all(trash, query) : this.#rows.list.all(trash)) as CampaignSummary[],
    );
  }

  /** One campaign, in the trash or not. Throws E_NOT_FOUND. */
  get(id: string): CampaignSummary {
    const found = this.#guard('read this campaign', () => this.#rows.find(id));
    if (!found) throw notFound();
    return found;
  }

  /** Creates an empty campaign. */
  create(name: string): CampaignSummary {
    const id = this.#insert(checkName(name), null);
    return this.#changed(id);
  }

  /** Renames a live campaign. */
  rename(id: string, name: string): CampaignSummary {
    const checked = checkName(name);
    this.#live(id);
    this.#guard('rename this campaign', () => this.#rows.rename.run(checked, this.#now(), id));
    return this.#changed(id);
  }

  /**
   * Copies a live campaign's whole document into a new campaign named "<name> (copy)".
   * For a damaged campaign the copy holds what could be read, and is editable.
   */
  duplicate(id: string): CampaignSummary {
    const source = this.#live(id);
    const loaded = this.#guard('read this campaign', () => loadDoc(this.#docs, id));
    const state = Y.encodeStateAsUpdate(loaded.doc);
    loaded.doc.destroy();
    return this.#changed(this.#insert(copyName(source.name), state));
  }

  /**
   * Shares a live campaign with a team (it then syncs live in that team's room), or
   * makes it private again with `teamId` null. The team must exist.
   */
  share(id: string, teamId: string | null): CampaignSummary {
    this.#live(id);
    this.#guard('share this campaign', () => this.#rows.setTeam.run(teamId, id));
    return this.#changed(id);
  }

  /**
   * Adds a teammate's campaign from an invite under its own id (every peer must use the
   * same id to meet in the same room), empty until it syncs. Returns the campaign as it
   * is when it already exists here: re-joining never replaces local work.
   */
  adopt(id: string, name: string, teamId: string): CampaignSummary {
    const checked = checkName(name);
    const now = this.#now();
    const added = this.#guard('add the shared campaign', () =>
      this.#rows.insertWithId.run(id, checked, now, now, teamId),
    );
    if (added.changes === 0) {
      const existing = this.get(id);
      if (existing.teamId !== teamId && existing.trashedAt === null) return this.share(id, teamId);
      return existing;
    }
    return this.#changed(id);
  }

  /** Moves a campaign to the trash (soft delete). Trashing twice is harmless. */
  trash(id: string): CampaignSummary {
    const found = this.get(id);
    if (found.trashedAt !== null) return found;
    this.#guard('move this campaign to the trash', () => this.#rows.setTrashed.run(this.#now(), id));
    return this.#changed(id);
  }

  /** Takes a campaign out of the trash. Restoring a live one is harmless. */
  restore(id: string): CampaignSummary {
    const found = this.get(id);
    if (found.trashedAt === null) return found;
    this.#guard('restore this campaign', () => this.#rows.setTrashed.run(null, id));
    return this.#changed(id);
  }

  /** Deletes a campaign from the trash for good, with its whole document. */
  purge(id: string): { id: string } {
    const found = this.get(id);
    if (found.trashedAt === null) {
      throw new MailyError(
        ErrorCode.NotFound,
        `“${found.name}” is not in the trash. Move it to the trash first; only campaigns there can be deleted for good.`,
      );
    }
    this.#guard('delete this campaign', () =>
      this.#db.transaction(() => this.#rows.deleteAll.forEach((statement) => statement.run(id))),
    );
    this.#emit(id);
    return { id };
  }

  /** Listens to campaign changes. Returns the unsubscribe function. */
  onChanged(listener: CampaignListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Stops listening to documents and drops the listeners. */
  dispose(): void {
    this.#unsubscribe();
    this.#listeners.clear();
  }

  #live(id: string): CampaignSummary {
    const found = this.get(id);
    if (found.trashedAt !== null) {
      throw new MailyError(ErrorCode.NotFound, `“${found.name}” is in the trash. Restore it first.`);
    }
    return found;
  }

  /** Inserts a campaign, with `state` as its document snapshot when given; returns the id. */
  #insert(name: string, state: Uint8Array | null): string {
    const id = newCampaignId();
    const now = this.#now();
    this.#guard('create the campaign', () =>
      this.#db.transaction(() => {
        this.#rows.insert.run(id, name, now, now);
        // Snapshot seq 0: the copy starts its own log at 1.
        if (state) this.#docs.writeSnapshot(id, 0, state, now);
      }),
    );
    return id;
  }

  #changed(id: string): CampaignSummary {
    const summary = this.get(id);
    this.#emit(id);
    return summary;
  }

  #emit(id: string): void {
    for (const listener of [...this.#listeners]) {
      try {
        listener({ id });
      } catch (error) {
        // The change is stored; one failing listener must not fail the call or starve others.
        this.#log.error('A campaign listener failed', error);
      }
    }
  }

  #guard<T>(action: string, fn: () => T): T {
    try {
      return fn();
    } catch (error) {
      throw storageError(error, action);
    }
  }
}
