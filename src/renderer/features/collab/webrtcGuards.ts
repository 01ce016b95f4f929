import { SignalingConn, type Room, type WebrtcConn, type WebrtcProvider } from 'y-webrtc';
import { checkPeerMessage, type PeerMessageCheck } from './peerMessages';
import { decryptsWith } from './signalCheck';

/**
 * The hardening y-webrtc needs, in one place. y-webrtc has no hooks for these, so this
 * wraps two of its public objects; `tests/unit/renderer/collab/webrtcGuards.test.ts`
 * pins the behaviour, so an upgrade that changes those objects fails there.
 */

/** What a guarded room reports. */
export interface RoomGuardEvents {
  /** A signaling message in this room that does not decrypt with the room key. */
  onStranger(): void;
  /** A peer message dropped before it reached the document. */
  onDropped(peerId: string, check: Extract<PeerMessageCheck, { ok: false }>): void;
  /** A peer message accepted, or sent. */
  onTraffic(peerId: string, direction: 'in' | 'out', bytes: number, kind?: string): void;
}

const guardedRooms = new Map<string, RoomGuardEvents>();
let signalingGuarded = false;

type Emit = (this: SignalingConn, name: string, args: unknown[]) => void;

/** The keyed room a publish is for, among the providers using this signaling connection. */
function roomFor(conn: SignalingConn, topic: unknown): Room | null {
  for (const provider of conn.providers as Set<WebrtcProvider>) {
    if (provider.room && provider.room.name === topic && provider.room.key) return provider.room;
  }
  return null;
}

/**
 * Lets a signaling message reach y-webrtc only once it decrypts with its room key.
 * Installed once per page; rooms not registered with {@link guardRoom} pass unchanged.
 */
export function installSignalingGuard(): void {
  if (signalingGuarded) return;
  signalingGuarded = true;
  const original = SignalingConn.prototype.emit as Emit;
  const guarded: Emit = function (this: SignalingConn, name, args) {
    const message = args[0] as { type?: unknown; topic?: unknown; data?: unknown } | null;
    if (name !== 'message' || message?.type !== 'publish') return original.call(this, name, args);
    const room = roomFor(this, message.topic);
    const events = room ? guardedRooms.get(room.name) : undefined;
    if (!room || !events) return original.call(this, name, args);
    void decryptsWith(message.data, room.key).then((ok) => {
      if (ok) original.call(this, name, args);
      else events.onStranger();
    });
  };
  SignalingConn.prototype.emit = guarded as typeof SignalingConn.prototype.emit;
}

/** Starts guarding the signaling messages of `roomName`. Returns the stop function. */
export function guardRoom(roomName: string, events: RoomGuardEvents): () => void {
  installSignalingGuard();
  guardedRooms.set(roomName, events);
  return () => {
    if (guardedRooms.get(roomName) === events) guardedRooms.delete(roomName);
  };
}

type DataListener = (data: Uint8Array) => void;
const guardedPeers = new WeakSet<object>();

/**
 * Puts a check in front of y-webrtc's data listener of one peer connection: a message
 * that is too large or does not decode is dropped and reported with the peer's id, and
 * one that fails while y-webrtc applies it is reported instead of thrown. Counts bytes
 * both ways. Call as soon as the connection exists (y-webrtc's `peers` event).
 */
export function guardPeer(conn: WebrtcConn, events: RoomGuardEvents): void {
  const peer = conn.peer as {
    listeners(event: 'data'): DataListener[];
    removeAllListeners(event: 'data'): void;
    on(event: 'data', listener: DataListener): void;
    send(data: Uint8Array): void;
  };
  if (guardedPeers.has(peer)) return;
  guardedPeers.add(peer);
  const readers = peer.listeners('data');
  peer.removeAllListeners('data');
  peer.on('data', (data) => {
    const check = checkPeerMessage(data);
    if (!check.ok) return events.onDropped(conn.remotePeerId, check);
    events.onTraffic(conn.remotePeerId, 'in', check.bytes, check.kind);
    try {
      for (const read of readers) read.call(peer, data);
    } catch {
      events.onDropped(conn.remotePeerId, {
        ok: false,
        reason: 'an update the document could not apply',
        bytes: check.bytes,
      });
    }
  });
  const send = peer.send.bind(peer);
  peer.send = (data: Uint8Array) => {
    events.onTraffic(conn.remotePeerId, 'out', data.byteLength);
    send(data);
  };
}
