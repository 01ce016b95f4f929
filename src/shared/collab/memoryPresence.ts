import {
  readPresence,
  type LocalPresence,
  type PresenceFeed,
  type PresenceState,
  type RemotePresence,
} from './presence';

/** One window in a {@link MemoryPresenceRoom}: a {@link PresenceFeed} that can also leave. */
export interface MemoryPresenceFeed extends PresenceFeed {
  readonly clientId: number;
  /** Removes this window from the room (as awareness does when a peer goes away). */
  leave(): void;
}

/**
 * An in-memory room of presence feeds, for tests and harnesses: what one window sets is
 * seen at once by the others, read through {@link readPresence} like a real awareness
 * state, so hostile states are dropped the same way. `remote()` returns the same array
 * until something changes (as `useSyncExternalStore` needs).
 */
export interface MemoryPresenceRoom {
  /** Adds a window with `user` (and optional starting fields); client ids count from 1. */
  join(user: PresenceState['user'], initial?: Partial<LocalPresence>): MemoryPresenceFeed;
  /** Sets a raw, unchecked state for `clientId`, as a misbehaving peer could. */
  inject(clientId: number, state: unknown): void;
}

interface Member {
  state: unknown;
  listeners: Set<() => void>;
  remote: readonly RemotePresence[] | null;
  following: number | null;
}

export function createMemoryPresenceRoom(): MemoryPresenceRoom {
  const members = new Map<number, Member>();
  let nextId = 1;

  const changed = (except: number | null) => {
    for (const [id, member] of members) {
      if (id === except) continue;
      member.remote = null;
      for (const listener of [...member.listeners]) listener();
    }
  };
  const remoteOf = (self: number, member: Member) => {
    member.remote ??= [...members]
      .filter(([id]) => id !== self)
      .map(([id, other]) => readPresence(id, other.state))
      .filter((p): p is RemotePresence => p !== null);
    return member.remote;
  };

  const join = (user: PresenceState['user'], initial: Partial<LocalPresence> = {}): MemoryPresenceFeed => {
    const clientId = nextId++;
    const member: Member = { state: { ...initial, user }, listeners: new Set(), remote: null, following: null };
    members.set(clientId, member);
    changed(clientId);
    return {
      clientId,
      remote: () => remoteOf(clientId, member),
      subscribe(listener) {
        member.listeners.add(listener);
        return () => void member.listeners.delete(listener);
      },
      setLocal(patch) {
        if (!members.has(clientId)) return;
        member.state = { ...(member.state as object), ...patch };
        changed(clientId);
      },
      following: () => member.following,
      follow(id) {
        if (member.following === id) return;
        member.following = id;
        for (const listener of [...member.listeners]) listener();
      },
      leave() {
        if (!members.delete(clientId)) return;
        changed(clientId);
      },
    };
  };

  const inject = (clientId: number, state: unknown) => {
    const member = members.get(clientId);
    if (member) member.state = state;
    else members.set(clientId, { state, listeners: new Set(), remote: null, following: null });
    nextId = Math.max(nextId, clientId + 1);
    changed(clientId);
  };

  return { join, inject };
}

/** Two windows in one room, e.g. Alex and Sam editing the same campaign. */
export function createPresencePair(
  a: PresenceState['user'] = { name: 'Alex', colour: '#d9480f' },
  b: PresenceState['user'] = { name: 'Sam', colour: '#1971c2' },
): [MemoryPresenceFeed, MemoryPresenceFeed] {
  const room = createMemoryPresenceRoom();
  return [room.join(a), room.join(b)];
}
