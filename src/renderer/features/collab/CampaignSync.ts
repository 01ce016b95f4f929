import { Awareness } from 'y-protocols/awareness';
import { WebrtcProvider, type SignalingConn, type WebrtcConn } from 'y-webrtc';
import type * as Y from 'yjs';
import type { Profile, RoomConfig } from '../../../shared/collab/team';
import { AwarenessPresence } from './AwarenessPresence';
import { readRtt } from './peerStats';
import { TeamLobby } from './TeamLobby';
import { SYNC_OFF, type PeerView, type SyncSnapshot, type SyncStatus } from './syncTypes';
import { guardPeer, guardRoom, type RoomGuardEvents } from './webrtcGuards';

/** Options for {@link CampaignSync}. */
export interface CampaignSyncOptions {
  /** How often stats are read and the watchdog runs, in ms. Defaults to 1000. */
  tickMs?: number;
  /** A peer connection not open after this long is torn down and retried, in ms. Defaults to 6000. */
  stuckMs?: number;
  /** While no teammate is connected, announce again this often, in ms. Defaults to 4000. */
  reannounceMs?: number;
  /** Signaling unreachable for this long shows as offline, in ms. Defaults to 4000. */
  offlineAfterMs?: number;
}

const LOG_SIZE = 30;

/**
 * Rooms still closing, by name. y-webrtc allows one provider per room per page and
 * closes a room only once its key is derived, so a new sync of the same room waits.
 */
const closing = new Map<string, Promise<void>>();

interface PeerCounters {
  bytesIn: number;
  bytesOut: number;
  rttMs: number | null;
  since: number;
}

/**
 * Live sync of one shared campaign's Y.Doc with teammates: y-webrtc in the campaign's
 * room (its own signaling addresses and ICE servers only, never public defaults), the
 * hardening of `webrtcGuards.ts`, a watchdog for connections that never open, presence
 * in awareness, and a truthful snapshot for the sync indicator and panel. The doc's
 * updates from peers reach the host through the document session like any edit, so
 * they are stored before "Saved" shows.
 */
export class CampaignSync {
  readonly presence: AwarenessPresence;
  readonly #provider: WebrtcProvider;
  readonly #lobby: TeamLobby;
  readonly #room: RoomConfig;
  readonly #options: Required<CampaignSyncOptions>;
  readonly #counters = new Map<string, PeerCounters>();
  readonly #listeners = new Set<() => void>();
  readonly #cleanups: (() => void)[] = [];
  #snapshot: SyncSnapshot;
  #paused = false;
  #signalingSeenAt = Date.now();
  #lastAnnounce = 0;
  #disposed = false;
  #bytesIn = 0;
  #bytesOut = 0;

  /** Starts syncing `doc` in `room`, once an earlier sync of the same room has closed. */
  static async open(
    doc: Y.Doc,
    room: RoomConfig,
    profile: Profile,
    options?: CampaignSyncOptions,
  ): Promise<CampaignSync> {
    await closing.get(room.roomName);
    return new CampaignSync(doc, room, profile, options);
  }

  private constructor(doc: Y.Doc, room: RoomConfig, profile: Profile, options: CampaignSyncOptions = {}) {
    this.#room = room;
    this.#options = { tickMs: 1000, stuckMs: 6000, reannounceMs: 4000, offlineAfterMs: 4000, ...options };
    this.#snapshot = { ...SYNC_OFF, status: 'connecting', teamName: room.teamName };
    const awareness = new Awareness(doc);
    this.presence = new AwarenessPresence(awareness, profile);
    this.#cleanups.push(guardRoom(room.roomName, this.#guardEvents));
    this.#provider = new WebrtcProvider(room.roomName, doc, {
      signaling: room.signaling,
      password: room.password,
      awareness,
      peerOpts: { config: { iceServers: room.iceServers } },
    });
    this.#provider.on('peers', this.#onPeers);
    this.#provider.on('synced', this.#onSynced);
    this.#provider.on('status', this.#onStatus);
    const onUpdate = (_update: Uint8Array, origin: unknown) => {
      if (origin !== null && origin === this.#provider.room) this.#patch({ lastSyncedAt: Date.now() });
    };
    doc.on('update', onUpdate);
    this.#cleanups.push(() => doc.off('update', onUpdate));
    this.#lobby = new TeamLobby(room.lobby, room.signaling, room.keyId, () => {
      this.#note('A device of this team uses a different team secret, so it cannot sync with you.');
      this.#patch({ secretMismatch: true });
    });
    const timer = setInterval(() => this.#tick(), this.#options.tickMs);
    this.#cleanups.push(() => clearInterval(timer));
    awareness.on('change', this.#refreshPeers);
    this.#cleanups.push(() => awareness.off('change', this.#refreshPeers));
  }

  get(): SyncSnapshot {
    return this.#snapshot;
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Stops syncing (work offline): edits stay local and in the host, and merge on {@link resume}. */
  pause(): void {
    if (this.#paused || this.#disposed) return;
    this.#paused = true;
    this.#provider.disconnect();
    this.#counters.clear();
    this.#note('Working offline: edits are saved on this device and merge when you go online.');
    this.#refresh();
  }

  resume(): void {
    if (!this.#paused || this.#disposed) return;
    this.#paused = false;
    this.#signalingSeenAt = Date.now();
    this.#provider.connect();
    this.presence.republish();
    this.#note('Back online: merging with teammates.');
    this.#refresh();
  }

  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    for (const cleanup of this.#cleanups.splice(0)) cleanup();
    this.#lobby.dispose();
    this.presence.dispose();
    this.#provider.off('peers', this.#onPeers);
    this.#provider.off('synced', this.#onSynced);
    this.#provider.off('status', this.#onStatus);
    this.#provider.destroy();
    const name = this.#room.roomName;
    const closed: Promise<void> = Promise.resolve(this.#provider.key).then(() => {
      if (closing.get(name) === closed) closing.delete(name);
    });
    closing.set(name, closed);
    this.#listeners.clear();
  }

  readonly #guardEvents: RoomGuardEvents = {
    onStranger: () => {
      const strangers = this.#snapshot.strangers + 1;
      if (strangers === 1) this.#note('Ignored signals from a device without this team’s secret.');
      this.#patch({ strangers });
    },
    onDropped: (peerId, check) => {
      const text = `Dropped ${check.reason} (${check.bytes.toLocaleString()} bytes) from peer ${peerId.slice(0, 8)}.`;
      console.warn(`[maily sync] ${text}`);
      this.#note(text);
    },
    onTraffic: (peerId, direction, bytes) => {
      const counters = this.#countersOf(peerId);
      if (direction === 'in') {
        counters.bytesIn += bytes;
        this.#bytesIn += bytes;
      } else {
        counters.bytesOut += bytes;
        this.#bytesOut += bytes;
      }
    },
  };

  readonly #onPeers = ({ added }: { added: string[] }) => {
    for (const peerId of added) {
      const conn = this.#provider.room?.webrtcConns.get(peerId);
      if (conn) guardPeer(conn, this.#guardEvents);
      this.#countersOf(peerId).since = Date.now();
    }
    this.#refreshPeers();
  };

  readonly #onSynced = ({ synced }: { synced: boolean }) => {
    if (synced) this.#patch({ lastSyncedAt: Date.now() });
    this.#refreshPeers();
  };

  readonly #onStatus = () => {
    const peerId = this.#provider.room?.peerId;
    if (peerId) this.presence.setPeerId(peerId);
    this.#refresh();
  };

  readonly #refreshPeers = () => this.#refresh();

  #countersOf(peerId: string): PeerCounters {
    let counters = this.#counters.get(peerId);
    if (!counters) {
      counters = { bytesIn: 0, bytesOut: 0, rttMs: null, since: Date.now() };
      this.#counters.set(peerId, counters);
    }
    return counters;
  }

  #conns(): WebrtcConn[] {
    return [...(this.#provider.room?.webrtcConns.values() ?? [])];
  }

  #signaling(): { url: string; connected: boolean }[] {
    const byUrl = new Map<string, boolean>();
    for (const conn of this.#provider.signalingConns as SignalingConn[]) {
      if (conn.providers.has(this.#provider)) byUrl.set(conn.url, conn.connected);
    }
    return this.#room.signaling.map((url) => ({ url, connected: byUrl.get(url) ?? false }));
  }

  /** Reads round trips, tears down stuck connections, announces again while alone. */
  #tick(): void {
    if (this.#paused) return;
    const now = Date.now();
    const conns = this.#conns();
    for (const conn of conns) {
      const counters = this.#countersOf(conn.remotePeerId);
      if (conn.connected) {
        void readRtt(conn.peer).then((rtt) => {
          if (rtt !== null) counters.rttMs = rtt;
        });
      } else if (now - counters.since > this.#options.stuckMs) {
        // Two peers joining at nearly the same moment sometimes never connect
        // (y-webrtc's offer glare). Closing makes y-webrtc announce again and retry.
        this.#note(`Retrying the connection to peer ${conn.remotePeerId.slice(0, 8)}.`);
        this.#counters.delete(conn.remotePeerId);
        conn.destroy();
      }
    }
    const signaling = this.#signaling();
    if (signaling.some((s) => s.connected)) this.#signalingSeenAt = now;
    const alone = !conns.some((c) => c.connected);
    if (alone && now - this.#lastAnnounce > this.#options.reannounceMs) {
      this.#lastAnnounce = now;
      // A signaling connection's "connect" handler subscribes and announces every room.
      for (const conn of this.#provider.signalingConns as SignalingConn[]) {
        if (conn.connected && conn.providers.has(this.#provider)) conn.emit('connect', [{ type: 'connect' }, conn]);
      }
    }
    this.#refresh();
  }

  #status(peers: PeerView[], signaling: { connected: boolean }[]): SyncStatus {
    if (this.#paused) return 'paused';
    if (peers.some((p) => p.connected) || signaling.some((s) => s.connected)) return 'connected';
    return Date.now() - this.#signalingSeenAt > this.#options.offlineAfterMs ? 'offline' : 'connecting';
  }

  #refresh(): void {
    if (this.#disposed) return;
    const names = this.presence.byPeerId();
    const peers: PeerView[] = this.#conns().map((conn) => {
      const counters = this.#countersOf(conn.remotePeerId);
      const who = names.get(conn.remotePeerId);
      return {
        peerId: conn.remotePeerId,
        name: who?.name ?? null,
        colour: who?.colour ?? null,
        connected: conn.connected,
        synced: conn.synced,
        rttMs: counters.rttMs,
        bytesIn: counters.bytesIn,
        bytesOut: counters.bytesOut,
      };
    });
    const signaling = this.#signaling();
    const status = this.#status(peers, signaling);
    this.#patch({ status, peers, signaling, bytesIn: this.#bytesIn, bytesOut: this.#bytesOut });
  }

  #note(text: string): void {
    this.#patch({ log: [{ at: Date.now(), text }, ...this.#snapshot.log].slice(0, LOG_SIZE) });
  }

  #patch(patch: Partial<SyncSnapshot>): void {
    this.#snapshot = { ...this.#snapshot, ...patch };
    for (const listener of [...this.#listeners]) listener();
  }
}
