import { useState, type ReactNode } from 'react';
import { useWindowShortcut } from '../../app/useWindowShortcut';
import { MeshDialog } from './MeshDialog';
import { isMeshShortcut } from './meshShortcut';

/**
 * "Mesh" on the campaigns screen (Ctrl+Alt+M): the team's pooled AI nodes and the external
 * servers. `actions` go into the dialog's header (the app puts the traces view there).
 */
export function MeshButton({ actions }: { actions?: ReactNode }) {
  const [open, setOpen] = useState(false);
  useWindowShortcut(isMeshShortcut, () => setOpen((o) => !o));
  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        title="The team's pooled AI nodes (Ctrl+Alt+M)"
        aria-keyshortcuts="Control+Alt+M"
      >
        Mesh
      </button>
      {open && <MeshDialog onClose={() => setOpen(false)} actions={actions} />}
    </>
  );
}
