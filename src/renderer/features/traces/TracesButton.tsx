import { useState } from 'react';
import { TracesDialog } from './TracesDialog';

/** "Traces" on the campaigns screen: what each recent AI action did, on which node, how long it took. */
export function TracesButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} title="Recent AI actions and mesh jobs, step by step">
        Traces
      </button>
      {open && <TracesDialog onClose={() => setOpen(false)} />}
    </>
  );
}
