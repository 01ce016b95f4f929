import { useState } from 'react';
import { useWindowShortcut } from '../../app/useWindowShortcut';
import { VerifyDialog } from './VerifyDialog';
import { isVerifyShortcut, verifyKeyShortcuts, verifyShortcutHint } from './verifyShortcut';

/** "Verify" in a header: opens the verify screen; Ctrl+Shift+V does too, from anywhere in the window. */
export function VerifyButton() {
  const [open, setOpen] = useState(false);
  useWindowShortcut(isVerifyShortcut, () => setOpen(true));
  return (
    <>
      <button
        type="button"
        aria-keyshortcuts={verifyKeyShortcuts}
        title={`Verify a certificate from a link, file or QR image (${verifyShortcutHint()})`}
        onClick={() => setOpen(true)}
      >
        Verify
      </button>
      {open && <VerifyDialog onClose={() => setOpen(false)} />}
    </>
  );
}
