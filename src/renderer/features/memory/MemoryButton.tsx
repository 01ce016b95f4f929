import { useState } from 'react';
import { MemoryDialog } from './MemoryDialog';

/** "Memory" on the campaigns screen: what the AI remembers, to search, add, edit and remove. */
export function MemoryButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} title="Brand voice, past emails and accepted suggestions">
        Memory
      </button>
      {open && <MemoryDialog onClose={() => setOpen(false)} />}
    </>
  );
}
