import { expect } from 'vitest';
import { MailyError } from '../../../../src/shared/errors';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { Database, type DatabaseOptions } from '../../../../src/main/services/storage/Database';

/** A fresh temporary folder with a database path in it; `cleanup` closes every opened database. */
export interface TempWorkspace {
  dir: string;
  file: string;
  open(options?: DatabaseOptions): Database;
  cleanup(): void;
}

/** Creates a temporary workspace; call `cleanup` in afterEach. */
export function tempWorkspace(): TempWorkspace {
  const dir = mkdtempSync(join(tmpdir(), 'maily-services-'));
  const opened: Database[] = [];
  return {
    dir,
    file: join(dir, 'workspace.sqlite'),
    open(options) {
      const db = new Database(join(dir, 'workspace.sqlite'), options);
      opened.push(db);
      return db;
    },
    cleanup() {
      for (const db of opened) db.dispose();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A client document like the renderer's journey model (`nodes` holds one Y.Map per node
 * with kind, x, y and a data map). Every local change becomes one recorded update.
 */
export class JourneyClient {
  readonly doc = new Y.Doc();
  readonly #pending: Uint8Array[] = [];

  constructor(state?: Uint8Array) {
    if (state) Y.applyUpdate(this.doc, state, 'remote');
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== 'remote') this.#pending.push(update);
    });
  }

  get nodes(): Y.Map<Y.Map<unknown>> {
    return this.doc.getMap('nodes');
  }

  /** Adds a node and returns the update it produced. */
  addNode(id: string, kind = 'email', x = 0, y = 0): Uint8Array {
    this.doc.transact(() => {
      const node = new Y.Map<unknown>();
      const data = new Y.Map<unknown>();
      data.set('label', `Node ${id}`);
      node.set('kind', kind);
      node.set('x', x);
      node.set('y', y);
      node.set('data', data);
      this.nodes.set(id, node);
    });
    return this.take();
  }

  /** Moves a node and returns the update. */
  move(id: string, x: number, y: number): Uint8Array {
    this.doc.transact(() => {
      this.nodes.get(id)?.set('x', x);
      this.nodes.get(id)?.set('y', y);
    });
    return this.take();
  }

  /** Edits one field of a node's data and returns the update. */
  setField(id: string, key: string, value: unknown): Uint8Array {
    (this.nodes.get(id)?.get('data') as Y.Map<unknown>).set(key, value);
    return this.take();
  }

  /** The one update the last change produced. */
  take(): Uint8Array {
    if (this.#pending.length !== 1) throw new Error(`expected one update, got ${this.#pending.length}`);
    return this.#pending.pop() as Uint8Array;
  }
}

/** The `nodes` map of a document state as plain JSON, for comparisons. */
export function nodesOf(
  state: Uint8Array,
): Record<string, { kind: string; x: number; y: number; data: Record<string, unknown> }> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc.getMap('nodes').toJSON();
}

/** The error code `fn` throws (it must be a MailyError), or 'no error'. */
export function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(MailyError);
    return (error as MailyError).code;
  }
  return 'no error';
}
