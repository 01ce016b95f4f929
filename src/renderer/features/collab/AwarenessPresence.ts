import type { Awareness } from 'y-protocols/awareness';
import {
  readPresence,
  type LocalPresence,
  type PresenceFeed,
  type RemotePresence,
} from '../../../shared/collab/presence';
import type { Profile } from '../../../shared/collab/team';

/**
 * {@link PresenceFeed} over a Yjs awareness: this window's state carries the profile
 * and what the editors publish; teammates' states are read through `readPresence`,
 * which drops hostile ones.
 */
export class AwarenessPresence implements PresenceFeed {
  readonly #awareness: Awareness;
  readonly #listeners = new Set<() => void>();
  #remote: readonly RemotePresence[] = [];
  #following: number | null = null;
  #local: Partial<LocalPresence> = {};
  #profile: Profile;
  #peerId: string | undefined;

  constructor(awareness: Awareness, profile: Profile) {
    this.#awareness = awareness;
    this.#profile = profile;
    awareness.on('change', this.#onChange);
    this.republish();
  }

  remote(): readonly RemotePresence[] {
    return this.#remote;
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  setLocal(patch: Partial<LocalPresence>): void {
    this.#local = { ...this.#local, ...patch };
    this.republish();
  }

  following(): number | null {
    return this.#following;
  }

  follow(clientId: number | null): void {
    this.#following = clientId;
    this.#emit();
  }

  setProfile(profile: Profile): void {
    this.#profile = profile;
    this.republish();
  }

  setPeerId(peerId: string): void {
    if (this.#peerId === peerId) return;
    this.#peerId = peerId;
    this.republish();
  }

  /** Sets this window's whole state again (after going back online it was removed). */
  republish(): void {
    this.#awareness.setLocalState({ ...this.#local, user: this.#profile, peer: this.#peerId });
  }

  /** Teammates by their y-webrtc peer id, for the sync panel. */
  byPeerId(): Map<string, { name: string; colour: string }> {
    const map = new Map<string, { name: string; colour: string }>();
    for (const p of this.#remote) if (p.peer) map.set(p.peer, p.user);
    return map;
  }

  dispose(): void {
    this.#awareness.off('change', this.#onChange);
    this.#awareness.destroy();
    this.#listeners.clear();
  }

  readonly #onChange = () => {
    const own = this.#awareness.clientID;
    const remote: RemotePresence[] = [];
    this.#awareness.getStates().forEach((state, clientId) => {
      if (clientId === own) return;
      const presence = readPresence(clientId, state);
      if (presence) remote.push(presence);
    });
    this.#remote = remote;
    if (this.#following !== null && !remote.some((p) => p.clientId === this.#following)) this.#following = null;
    this.#emit();
  };

  #emit(): void {
    for (const listener of [...this.#listeners]) listener();
  }
}
