import * as Y from 'yjs';
import { createEmailUndoManager, emailsMap, readEmail } from '../../../../src/shared/email/emailDoc';
import { createUndoManager, edgesMap, nodesMap, readJourney } from '../../../../src/shared/journey/ydoc';
import { readSampleContacts, sampleContactsMap } from '../../../../src/shared/simulator/contactsDoc';

/**
 * Replicas of one campaign over a test network, after yjs's `tests/testHelper.js`.
 *
 * The sync is modelled on y-webrtc with y-protocols' sync messages: every local update
 * is broadcast as it happens to the peers in the same partition (and may be dropped,
 * delayed or reordered on the way); when the network heals, every pair of peers runs
 * the reconnect handshake — step 1 sends `Y.encodeStateVector`, step 2 answers with
 * `Y.encodeStateAsUpdate(doc, stateVector)` — over a reliable link, which is what
 * recovers the dropped updates.
 */

/** The origin of updates the connector applies; they are never broadcast again (as in y-webrtc). */
export const REMOTE = Symbol('remote');

type Message =
  | { type: 'update'; from: number; update: Uint8Array }
  | { type: 'step1'; from: number; stateVector: Uint8Array }
  | { type: 'step2'; from: number; update: Uint8Array };

/** One peer: its doc, its editor origin, and an undo manager per editor (journey, email). */
export interface Replica {
  index: number;
  doc: Y.Doc;
  origin: { replica: number };
  journeyUndo: Y.UndoManager;
  emailUndo: Y.UndoManager;
}

/** How lossy the network is. Both default to 0 (a perfect network). */
export interface Conditions {
  /** Chance that one broadcast update is lost on one link. */
  drop?: number;
  /** Chance that a delivery takes a random queued message instead of the oldest. */
  reorder?: number;
}

export class TestConnector {
  readonly replicas: Replica[];
  /**
   * Counters over the connector's life. `refused` counts messages whose update Yjs
   * threw on; a provider logs and carries on, and so does the connector.
   */
  readonly stats = { sent: 0, dropped: 0, delivered: 0, refused: 0 };
  private readonly inbox: Message[][];
  private group: number[];
  private conditions: Required<Conditions> = { drop: 0, reorder: 0 };

  /**
   * `count` replicas loaded with `initial` (a campaign's state), with client ids from
   * `clientIds` so a seed reproduces the same conflict winners. Undo managers merge
   * nothing (`captureTimeout` 0), so undo steps do not depend on the wall clock.
   */
  constructor(
    private readonly random: () => number,
    initial: Uint8Array,
    clientIds: readonly number[],
  ) {
    this.replicas = clientIds.map((clientId, index) => {
      const doc = new Y.Doc();
      doc.clientID = clientId;
      Y.applyUpdate(doc, initial, REMOTE);
      const origin = { replica: index };
      doc.on('update', (update: Uint8Array, from: unknown) => {
        if (from !== REMOTE) this.broadcast(index, update);
      });
      return {
        index,
        doc,
        origin,
        journeyUndo: createUndoManager(doc, origin, 0),
        emailUndo: createEmailUndoManager(doc, origin, 0),
      };
    });
    this.inbox = this.replicas.map(() => []);
    this.group = this.replicas.map(() => 0);
  }

  /** Splits the peers into `groups` random partitions; messages in flight between them are lost. */
  partition(groups: number): void {
    this.group = this.replicas.map(() => Math.floor(this.random() * groups));
    this.inbox.forEach((queue, to) => {
      const kept = queue.filter((m) => this.group[m.from] === this.group[to]);
      this.stats.dropped += queue.length - kept.length;
      queue.splice(0, queue.length, ...kept);
    });
  }

  setConditions(conditions: Conditions): void {
    this.conditions = { drop: conditions.drop ?? 0, reorder: conditions.reorder ?? 0 };
  }

  /**
   * Heals every partition and reconnects every pair of peers: each sends its state
   * vector (step 1), each answer (step 2) is the diff. The handshake is reliable; only
   * its delivery order is random. With `resync` false the peers just reconnect and
   * keep broadcasting, so updates lost earlier stay lost (for checking the checks).
   */
  heal(resync = true): void {
    this.group = this.replicas.map(() => 0);
    this.setConditions({ reorder: this.conditions.reorder });
    if (!resync) return;
    for (const from of this.replicas)
      for (const to of this.replicas)
        if (from !== to)
          this.enqueue(to.index, { type: 'step1', from: from.index, stateVector: Y.encodeStateVector(from.doc) });
  }

  /** Delivers one queued message to a random peer; false when nothing is queued. */
  deliverRandom(): boolean {
    const waiting = this.inbox.flatMap((queue, to) => (queue.length > 0 ? [to] : []));
    if (waiting.length === 0) return false;
    const to = waiting[Math.floor(this.random() * waiting.length)];
    const queue = this.inbox[to];
    const at = this.random() < this.conditions.reorder ? Math.floor(this.random() * queue.length) : 0;
    const [message] = queue.splice(at, 1);
    this.stats.delivered++;
    const doc = this.replicas[to].doc;
    if (message.type === 'step1') {
      const update = Y.encodeStateAsUpdate(doc, message.stateVector);
      this.enqueue(message.from, { type: 'step2', from: to, update });
      return true;
    }
    try {
      Y.applyUpdate(doc, message.update, REMOTE);
    } catch {
      this.stats.refused++; // counted, and the tests without hostile peers require none
    }
    return true;
  }

  /** Delivers everything queued, in random order, including answers it causes. */
  flush(): void {
    while (this.deliverRandom());
  }

  /** Drops every undo manager and doc. */
  dispose(): void {
    for (const replica of this.replicas) {
      replica.journeyUndo.destroy();
      replica.emailUndo.destroy();
      replica.doc.destroy();
    }
  }

  private broadcast(from: number, update: Uint8Array): void {
    for (const to of this.replicas) {
      if (to.index === from || this.group[to.index] !== this.group[from]) continue;
      if (this.random() < this.conditions.drop) this.stats.dropped++;
      else this.enqueue(to.index, { type: 'update', from, update });
    }
  }

  private enqueue(to: number, message: Message): void {
    this.stats.sent++;
    this.inbox[to].push(message);
  }
}

/** Every email id a replica knows: bodies and Email nodes (a node may have no body yet). */
function emailIds(doc: Y.Doc): string[] {
  const ids = new Set<string>(emailsMap(doc).keys());
  for (const node of readJourney(doc).nodes) if (node.kind === 'email') ids.add(node.id);
  return [...ids].sort();
}

/**
 * JSON with object keys sorted. A Y.Map lists its keys in the order this replica
 * integrated them, which differs between replicas holding the same state.
 */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

const byId = <T extends { id: string }>(items: T[]) => [...items].sort((a, b) => (a.id < b.id ? -1 : 1));

/**
 * What one replica shows, through the raw Yjs state and through the app's readers.
 * `readJourney` lists nodes and edges in the doc's map order (see {@link canonical}),
 * so they are compared as sets, by id.
 */
export function view(doc: Y.Doc) {
  const stateVector = Buffer.from(Y.encodeStateVector(doc)).toString('base64');
  const journey = readJourney(doc);
  const raw = canonical({
    share: [...doc.share.keys()].sort(),
    nodes: nodesMap(doc).toJSON(),
    edges: edgesMap(doc).toJSON(),
    emails: emailsMap(doc).toJSON(),
    sampleContacts: sampleContactsMap(doc).toJSON(),
  });
  const readers = canonical({
    journey: { nodes: byId(journey.nodes), edges: byId(journey.edges) },
    emails: emailIds(doc).map((id) => [id, readEmail(doc, id)]),
    contacts: readSampleContacts(doc),
  });
  return { stateVector, raw, readers };
}

/**
 * Null when every replica shows the same state vector, top-level JSON and reader
 * output; otherwise which replica differs from the first, and where. Reader errors
 * propagate, so a reader that throws fails the test.
 */
export function divergence(replicas: readonly Replica[]): string | null {
  const [first, ...rest] = replicas.map((r) => view(r.doc));
  for (const [i, other] of rest.entries()) {
    for (const key of ['stateVector', 'raw', 'readers'] as const) {
      if (other[key] !== first[key]) return `replica ${i + 1} differs from replica 0 in ${key}`;
    }
  }
  return null;
}

/** Updates a replica still holds back for missing dependencies (should be none after a full resync). */
export function pending(replicas: readonly Replica[]): number[] {
  return replicas.flatMap((r) => (r.doc.store.pendingStructs || r.doc.store.pendingDs ? [r.index] : []));
}
