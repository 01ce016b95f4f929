import { useEffect, useRef, type RefObject } from 'react';

/**
 * Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y in the parts that edit the document, or with focus
 * nowhere (an undo can remove the focused row).
 */
export function historyKey(e: KeyboardEvent, dialog: Element): 'undo' | 'redo' | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey || e.defaultPrevented) return null;
  const target = e.target as Element;
  const editing =
    dialog.contains(target) && !!target.closest('[data-doc-undo]') && !target.closest('[data-local-undo]');
  if (!editing && target !== target.ownerDocument.body) return null;
  const key = e.key.toLowerCase();
  if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
  return key === 'y' ? 'redo' : null;
}

/** Undo and redo from the keyboard while the dialog is open; focus stays in the dialog. */
export function useHistoryKeys(
  dialog: RefObject<HTMLDialogElement | null>,
  history: { undo: () => void; redo: () => void },
) {
  const latest = useRef(history);
  useEffect(() => {
    latest.current = history;
  });
  useEffect(() => {
    const onKeyDown = (e: globalThis.KeyboardEvent) => {
      const el = dialog.current;
      const action = el ? historyKey(e, el) : null;
      if (!el || !action) return;
      e.preventDefault();
      latest.current[action]();
      requestAnimationFrame(() => {
        if (!el.contains(document.activeElement)) el.querySelector<HTMLElement>('[data-initial-focus]')?.focus();
      });
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [dialog]);
}

export { useModal } from '../../app/useModal';
