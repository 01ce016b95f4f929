import { useSyncExternalStore } from 'react';
import type { PresenceFeed } from '../../../shared/collab/presence';

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join('') || '?';

/** Who is here: one chip per teammate; pressing one follows (or stops following) their view. */
export function PresenceList({ presence }: { presence: PresenceFeed }) {
  const remote = useSyncExternalStore(
    (l) => presence.subscribe(l),
    () => presence.remote(),
  );
  const following = useSyncExternalStore(
    (l) => presence.subscribe(l),
    () => presence.following(),
  );
  if (remote.length === 0) return null;
  return (
    <ul className="presence-list" aria-label="Teammates here">
      {remote.map((p) => {
        const isFollowed = following === p.clientId;
        return (
          <li key={p.clientId}>
            <button
              type="button"
              className="presence-chip"
              style={{ background: p.user.colour }}
              aria-pressed={isFollowed}
              aria-label={isFollowed ? `Stop following ${p.user.name}` : `Follow ${p.user.name}`}
              title={isFollowed ? `Following ${p.user.name}` : `${p.user.name} — press to follow their view`}
              onClick={() => presence.follow(isFollowed ? null : p.clientId)}
            >
              {initials(p.user.name)}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
