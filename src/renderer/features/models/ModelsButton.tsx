import { useState } from 'react';
import { ModelsDialog } from './ModelsDialog';

/** "Models" on the campaigns screen: the AI models on this device, to import, download and choose. */
export function ModelsButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} title="The AI models on this device">
        Models
      </button>
      {open && <ModelsDialog onClose={() => setOpen(false)} />}
    </>
  );
}
