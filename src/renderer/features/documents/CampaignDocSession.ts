import * as Y from 'yjs';
import type { MailyApi } from '../../../shared/api/client';
import { ErrorCode, MailyError } from '../../../shared/errors';
import type { Connection, ConnectionState } from '../../app/transport/connection';

/** Marks updates that came from the host, so they are never sent back. */
export const FROM_HOST = Symbol('from-host');

export type SaveState =
  | { kind: 'saved'; savedAt: number | null }
  | { kind: 'saving' }
  | { kind: 'offline'; message: string }
  | { kind: 'error'; message: string };

export interface DocSnapshot {
  status: 'loading' | 'ready' | 'failed';
  doc: Y.Doc | null;
  readOnly: boolean;
  problem: string | null;
  save: SaveState;
}

/** The state of a document that has not arrived yet. */
export const LOADING: DocSnapshot = {
  status: 'loading',
  doc: null,
  readOnly: false,
  problem: null,
  save: { kind: 'saved', savedAt: null },
};

const offline: SaveState = {
  kind: 'offline',
  message: 'Not saved yet: Maily is not reachable. Your edits stay in this window and are saved when it reconnects.',
};

/** How long local edits are gathered into one stored update (one disk sync). */
const BATCH_MS = 40;

/**
 * Keeps one campaign's Y.Doc in step with the host: loads it, sends every local update
 * (batched) and shows "saved" only once the host acknowledged the write, applies updates
 * from elsewhere, and after a lost connection re-opens the document and sends exactly
 * what the host is missing.
 */
export class CampaignDocSession {
  private snapshot: DocSnapshot = LOADING;
  private readonly listeners = new Set<() => void>();
  private readonly cleanups: (() => void)[] = [];
  private batch: Uint8Array[] = [];
  private batchTimer: ReturnType<typeof setTimeout> | null = null;
  private inFlight = 0;
  private needsResync = false;
  private disposed = false;

  constructor(
    private readonly api: MailyApi,
    private readonly connection: Connection,
    readonly campaignId: string,
  ) {}

  get(): DocSnapshot {
    return this.snapshot;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async start(): Promise<void> {
    try {
      performance.mark('maily:doc-requested');
      const opened = await this.api.docs.open({ campaignId: this.campaignId });
      if (this.disposed) return;
      performance.mark('maily:doc-received');
      const doc = new Y.Doc();
      Y.applyUpdate(doc, opened.state, FROM_HOST);
      performance.mark('maily:doc-applied');
      doc.on('update', this.onLocalUpdate);
      this.cleanups.push(() => doc.off('update', this.onLocalUpdate));
      this.cleanups.push(this.api.on('docs:remoteUpdate', (p) => this.onRemoteUpdate(p.campaignId, p.update)));
      this.cleanups.push(this.connection.subscribe((state) => this.onConnection(state)));
      this.set({ status: 'ready', doc, readOnly: opened.readOnly, problem: opened.problem });
    } catch (error) {
      const message = error instanceof MailyError ? error.message : 'The campaign could not be opened.';
      this.set({ status: 'failed', problem: message });
    }
  }

  dispose(): void {
    if (this.disposed) return;
    this.flush();
    this.disposed = true;
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    void this.api.docs.close({ campaignId: this.campaignId }).catch(() => {
      // Closing is a courtesy to the host; if it is unreachable there is nothing to release.
    });
    this.snapshot.doc?.destroy();
  }

  /** A new connection is a new host session: re-open the document and catch up both ways. */
  private onConnection(state: ConnectionState): void {
    if (state !== 'open') {
      this.needsResync = true;
      return;
    }
    void this.resync();
  }

  private set(patch: Partial<DocSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }

  private readonly onLocalUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === FROM_HOST || this.snapshot.readOnly) return;
    this.batch.push(update);
    if (this.snapshot.save.kind !== 'offline' && this.snapshot.save.kind !== 'error')
      this.set({ save: { kind: 'saving' } });
    this.batchTimer ??= setTimeout(() => this.flush(), BATCH_MS);
  };

  private onRemoteUpdate(campaignId: string, update: Uint8Array): void {
    if (campaignId !== this.campaignId || !this.snapshot.doc) return;
    try {
      Y.applyUpdate(this.snapshot.doc, update, FROM_HOST);
    } catch {
      // A damaged update from elsewhere must not break this window; the host keeps the truth.
      this.needsResync = true;
    }
  }

  /** Sends what was gathered since the last flush as one update. */
  private flush(): void {
    if (this.batchTimer) clearTimeout(this.batchTimer);
    this.batchTimer = null;
    if (this.batch.length === 0 || this.disposed) return;
    const update = this.batch.length === 1 ? this.batch[0] : Y.mergeUpdates(this.batch);
    this.batch = [];
    void this.send(update);
  }

  private async send(update: Uint8Array): Promise<void> {
    if (this.needsResync) {
      // The resync after reconnect sends everything the host lacks, this update included.
      if (this.connection.get() !== 'open') this.set({ save: offline });
      return;
    }
    this.inFlight += 1;
    try {
      const ack = await this.api.docs.update({ campaignId: this.campaignId, update });
      this.inFlight -= 1;
      if (this.inFlight === 0 && this.batch.length === 0 && !this.needsResync)
        this.set({ save: { kind: 'saved', savedAt: ack.savedAt } });
    } catch (error) {
      this.inFlight -= 1;
      this.handleSendError(error);
    }
  }

  private handleSendError(error: unknown): void {
    const info = error instanceof MailyError ? error : new MailyError(ErrorCode.Internal, 'Saving failed.');
    if (info.code === ErrorCode.Disconnected || info.code === ErrorCode.Timeout) {
      this.needsResync = true;
      this.set({ save: offline });
      if (this.connection.get() === 'open') void this.resync();
      return;
    }
    this.set({ save: { kind: 'error', message: `Not saved: ${info.message}` } });
  }

  /** After a reconnect: take the host's state, then send only what the host is missing. */
  async resync(): Promise<void> {
    const doc = this.snapshot.doc;
    if (!doc || this.disposed || !this.needsResync) return;
    try {
      const opened = await this.api.docs.open({ campaignId: this.campaignId });
      Y.applyUpdate(doc, opened.state, FROM_HOST);
      const missing = Y.encodeStateAsUpdate(doc, Y.encodeStateVectorFromUpdate(opened.state));
      this.needsResync = false;
      this.set({ readOnly: opened.readOnly, problem: opened.problem });
      if (missing.byteLength > 2 && !opened.readOnly) await this.send(missing);
      else if (this.inFlight === 0) this.set({ save: { kind: 'saved', savedAt: Date.now() } });
    } catch (error) {
      this.handleSendError(error);
    }
  }
}
