import { useState } from 'react';
import { TrustSettingsDialog } from './TrustSettingsDialog';

/** "Trust" on the campaigns screen: local key, wallet, address book, chain. */
export function TrustSettingsButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" title="Signing key, wallet, team address book and chain" onClick={() => setOpen(true)}>
        Trust
      </button>
      {open && <TrustSettingsDialog onClose={() => setOpen(false)} />}
    </>
  );
}
