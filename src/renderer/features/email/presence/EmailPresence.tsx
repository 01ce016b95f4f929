import './presence.css';
import { memo, useMemo } from 'react';
import { cssColour } from '../../../../shared/collab/presenceCss';
import type { PresenceFeed, RemotePresence } from '../../../../shared/collab/presence';
import { alsoHere, blockMarksStyle, initials, teammatesIn } from './emailPresence';
import { usePresenceSnapshot } from './usePresenceSnapshot';

interface EmailPresenceProps {
  presence: PresenceFeed;
  emailId: string;
}

function useTeammates(presence: PresenceFeed, emailId: string): RemotePresence[] {
  const remote = usePresenceSnapshot(presence, (feed) => feed.remote());
  return useMemo(() => teammatesIn(remote, emailId), [remote, emailId]);
}

/**
 * "Also here:" and a coloured chip with initials per teammate in this email (their name
 * is the chip's accessible label), plus the mark on each one's block in the outline.
 */
export const EmailPresence = memo(function EmailPresence({ presence, emailId }: EmailPresenceProps) {
  const teammates = useTeammates(presence, emailId);
  const marks = useMemo(() => blockMarksStyle(teammates), [teammates]);
  if (teammates.length === 0) return null;
  return (
    <div className="ee-presence" role="group" aria-label={alsoHere(teammates.map((t) => t.user.name))}>
      <span className="ee-hint" aria-hidden="true">
        Also here:
      </span>
      {teammates.map((t) => (
        <span
          key={t.clientId}
          className="ee-presence__chip"
          data-presence-email={t.clientId}
          data-presence-block={t.email?.blockId ?? undefined}
          role="img"
          aria-label={t.user.name}
          title={t.user.name}
          style={{ background: cssColour(t.user.colour) }}
        >
          {initials(t.user.name)}
        </span>
      ))}
      {marks && <style data-presence-blocks="">{marks}</style>}
    </div>
  );
});

interface BlockPresenceProps extends EmailPresenceProps {
  blockId: string;
}

/** "Alex is also in this block", over the selected block's fields. */
export const BlockPresence = memo(function BlockPresence({ presence, emailId, blockId }: BlockPresenceProps) {
  const here = useTeammates(presence, emailId).filter((t) => t.email?.blockId === blockId);
  if (here.length === 0) return null;
  const names = here.map((t) => t.user.name);
  const who = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return (
    <p className="ee-presence__block" data-presence-in-block={blockId}>
      {here.map((t) => (
        <span
          key={t.clientId}
          className="ee-presence__dot"
          aria-hidden="true"
          style={{ background: cssColour(t.user.colour) }}
        />
      ))}
      {who} {here.length === 1 ? 'is' : 'are'} also in this block
    </p>
  );
});
