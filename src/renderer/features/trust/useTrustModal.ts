import type { SyntheticEvent } from 'react';
import { useModal } from '../../app/useModal';

/**
 * {@link useModal} for the trust dialogs, which are often opened from inside the email
 * editor's dialog: React passes a portal's `cancel` and `close` events up to its React
 * parents, so without stopping them here, Esc in a trust dialog would close the editor too.
 */
export function useTrustModal(onClose: () => void) {
  const { dialog, handlers } = useModal(onClose);
  return {
    dialog,
    handlers: {
      onCancel: (e: SyntheticEvent) => {
        e.stopPropagation();
        handlers.onCancel(e);
      },
      onClose: (e: SyntheticEvent) => {
        e.stopPropagation();
        handlers.onClose();
      },
    },
  };
}
