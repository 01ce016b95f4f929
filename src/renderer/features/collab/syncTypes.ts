/** What the sync indicator and panel show about one shared campaign. */

export type SyncStatus = 'off' | 'paused' | 'offline' | 'connecting' | 'connected';

export interface PeerView {
  peerId: string;
  /** From the teammate's presence; null until it arrives. */
  name: string | null;
  colour: string | null;
  connected: boolean;
  /** True once the first full exchange with this peer finished. */
  synced: boolean;
  /** Round trip of the data channel, from WebRTC stats. */
  rttMs: number | null;
  bytesIn: number;
  bytesOut: number;
}

export interface SyncLogEntry {
  at: number;
  text: string;
}

export interface SyncSnapshot {
  status: SyncStatus;
  teamName: string | null;
  peers: PeerView[];
  signaling: { url: string; connected: boolean }[];
  /** When an update from a teammate last arrived (or a full exchange finished). */
  lastSyncedAt: number | null;
  bytesIn: number;
  bytesOut: number;
  /** Signaling messages in this room that did not decrypt with the team's key. */
  strangers: number;
  /** A device of this team with a different secret is in the lobby. */
  secretMismatch: boolean;
  /** Dropped messages and other notable events, newest first. */
  log: SyncLogEntry[];
}

export const SYNC_OFF: SyncSnapshot = {
  status: 'off',
  teamName: null,
  peers: [],
  signaling: [],
  lastSyncedAt: null,
  bytesIn: 0,
  bytesOut: 0,
  strangers: 0,
  secretMismatch: false,
  log: [],
};
