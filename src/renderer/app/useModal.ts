import { useLayoutEffect, useRef, type SyntheticEvent } from 'react';

/** Opens the native modal dialog (focus stays inside, the page behind is inert) while mounted. */
export function useModal(onClose: () => void) {
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
    // The browser may close the dialog itself (repeated Esc); a re-open (StrictMode) leaves it open.
    onClose: () => void (dialog.current?.open === false && onClose()),
  };
  return { dialog, handlers };
}
