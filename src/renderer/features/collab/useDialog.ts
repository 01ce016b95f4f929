import { useLayoutEffect, useRef, type SyntheticEvent } from 'react';
import { MailyError } from '../../../shared/errors';

/** Shows a native modal `<dialog>` while mounted (focus inside, page behind inert); Esc closes. */
export function useDialog(onClose: () => void) {
  const dialog = useRef<HTMLDialogElement>(null);
  useLayoutEffect(() => {
    const el = dialog.current!;
    if (!el.open) el.showModal();
    el.querySelector<HTMLElement>('[data-initial-focus]')?.focus();
    return () => {
      if (el.open) el.close();
    };
  }, []);
  const handlers = {
    onCancel: (e: SyntheticEvent) => {
      e.preventDefault();
      onClose();
    },
  };
  return { dialog, handlers };
}

/** The message of an error from the API, or a generic one that says what to do. */
export function messageOf(error: unknown): string {
  return error instanceof MailyError ? error.message : 'That did not work. Try again.';
}
