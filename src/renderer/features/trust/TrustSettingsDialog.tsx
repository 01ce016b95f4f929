import { createPortal } from 'react-dom';
import { useTrustModal } from './useTrustModal';
import { AddressBook } from './AddressBook';
import { ChainSettingsForm } from './ChainSettingsForm';
import { FormError } from './FormError';
import { LocalKeySection } from './LocalKeySection';
import { useKeyStatus } from './useKeyStatus';
import { useWalletStatus } from './useWallet';
import { WalletSection, WalletSettingsForm } from './WalletSection';

/** Trust settings: the local key, the WalletConnect wallet, the team address book and the optional chain. */
export function TrustSettingsDialog({ onClose }: { onClose: () => void }) {
  const { dialog, handlers } = useTrustModal(onClose);
  const key = useKeyStatus();
  const wallet = useWalletStatus();
  return createPortal(
    <dialog ref={dialog} className="app-dialog trust-dialog" aria-label="Trust settings" {...handlers}>
      <header>
        <h2>Trust settings</h2>
        <button type="button" aria-label="Close" onClick={onClose} data-initial-focus>
          ×
        </button>
      </header>
      <h3>Local key</h3>
      {key.key ? <LocalKeySection keyStatus={key.key} onKey={key.set} /> : <FormError error={key.error} />}
      <h3>WalletConnect wallet</h3>
      {wallet.status ? (
        <>
          <WalletSection status={wallet.status} />
          {wallet.status.state !== 'not-configured' && (
            <details>
              <summary>WalletConnect settings</summary>
              <WalletSettingsForm status={wallet.status} />
            </details>
          )}
        </>
      ) : (
        <FormError error={wallet.error} />
      )}
      <h3>Team address book</h3>
      <AddressBook />
      <h3>Chain (optional)</h3>
      <ChainSettingsForm />
    </dialog>,
    document.body,
  );
}
