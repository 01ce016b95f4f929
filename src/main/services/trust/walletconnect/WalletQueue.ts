import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { QueuedRequest, WalletQueueChange } from '../../../../shared/trust/wallet';
import type { SettingsStore } from '../../settings/SettingsStore';

const KEY = 'wallet.queue';
/** Finished items (signed, failed, cancelled) kept for the UI; the oldest go first. */
const KEEP_FINISHED = 20;

/** What is sent to the wallet for a queued item: the chain and the EIP-712 JSON. */
export interface QueuedPayload {
  chainId: number;
  /** `TypedDataEncoder.getPayload(…)` as JSON: domain, types (with EIP712Domain), primaryType, message. */
  typedData: string;
}

export interface StoredQueued extends QueuedRequest {
  payload: QueuedPayload;
}

const storedSchema = z.object({
  id: z.string().min(1).max(64),
  label: z.string().max(500),
  createdAt: z.number(),
  updatedAt: z.number(),
  state: z.enum(['waiting', 'sending', 'signed', 'failed', 'cancelled']),
  address: z.string().max(64),
  signature: z.string().max(1_000).nullable(),
  error: z.string().max(2_000).nullable(),
  payload: z.object({ chainId: z.number().int().positive(), typedData: z.string().max(256 * 1024) }),
});
const queueSchema = z.array(z.unknown());

export function isOpen(item: QueuedRequest): boolean {
  return item.state === 'waiting' || item.state === 'sending';
}

function view(item: StoredQueued): QueuedRequest {
  const { payload: _payload, ...rest } = item;
  return { ...rest };
}

/**
 * The signing requests made while the relay was unreachable, kept in the settings
 * table (one JSON value, written whole on every change, so each write is atomic), so a
 * restart loses none. A request that was being sent when the host stopped is waiting
 * again after a restart (the wallet may show it twice; never zero times). Stored items
 * that do not parse are dropped, the rest are kept.
 */
export class WalletQueue {
  readonly #settings: SettingsStore;
  readonly #listeners = new Set<(change: WalletQueueChange) => void>();
  #items: StoredQueued[];

  constructor(settings: SettingsStore, now: () => number = Date.now) {
    this.#settings = settings;
    const raw = settings.read(KEY, queueSchema, []);
    this.#items = raw.flatMap((entry) => {
      const parsed = storedSchema.safeParse(entry);
      return parsed.success ? [parsed.data] : [];
    });
    let changed = false;
    for (const item of this.#items) {
      if (item.state === 'sending') {
        item.state = 'waiting';
        item.updatedAt = now();
        changed = true;
      }
    }
    if (changed || this.#items.length !== raw.length) this.#save();
  }

  /** Every item, oldest first, without the payloads. */
  list(): QueuedRequest[] {
    return this.#items.map(view);
  }

  /** Items still to be signed, oldest first (with their payloads). */
  open(): StoredQueued[] {
    return this.#items.filter(isOpen).map((item) => ({ ...item }));
  }

  get openCount(): number {
    return this.#items.filter(isOpen).length;
  }

  get(id: string): StoredQueued | undefined {
    const item = this.#items.find((i) => i.id === id);
    return item ? { ...item } : undefined;
  }

  add(label: string, address: string, payload: QueuedPayload, now = Date.now()): StoredQueued {
    const item: StoredQueued = {
      id: randomUUID(),
      label: label.slice(0, 500),
      createdAt: now,
      updatedAt: now,
      state: 'waiting',
      address,
      signature: null,
      error: null,
      payload,
    };
    this.#items.push(item);
    this.#commit(item);
    return { ...item };
  }

  update(
    id: string,
    patch: Partial<Pick<StoredQueued, 'state' | 'signature' | 'error'>>,
    now = Date.now(),
  ): StoredQueued | undefined {
    const item = this.#items.find((i) => i.id === id);
    if (!item) return undefined;
    Object.assign(item, patch, { updatedAt: now });
    this.#commit(item);
    return { ...item };
  }

  onChanged(listener: (change: WalletQueueChange) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #commit(item: StoredQueued): void {
    const finished = this.#items.filter((i) => !isOpen(i));
    if (finished.length > KEEP_FINISHED) {
      const drop = new Set(finished.slice(0, finished.length - KEEP_FINISHED).map((i) => i.id));
      this.#items = this.#items.filter((i) => !drop.has(i.id));
    }
    this.#save();
    const change: WalletQueueChange = { items: this.list(), changed: view(item) };
    for (const listener of [...this.#listeners]) listener(change);
  }

  #save(): void {
    this.#settings.write(KEY, this.#items);
  }
}
