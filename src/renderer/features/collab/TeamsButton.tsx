import { useState } from 'react';
import { TeamsDialog } from './TeamsDialog';

/** "Teams" on the campaigns screen: join a team, your name, each team's servers, the signaling server. */
export function TeamsButton({ onOpen }: { onOpen: (campaignId: string) => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} title="Join a team, your name and colour, servers">
        Teams
      </button>
      {open && <TeamsDialog onClose={() => setOpen(false)} onOpen={onOpen} />}
    </>
  );
}
