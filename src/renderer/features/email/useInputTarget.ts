import { useCallback, useEffect, useRef } from 'react';
import { useEmailEditor, type CaretTarget } from './EmailEditorContext';

/** `value` with `text` put in place of the selection [start, end). */
export function spliceText(value: string, start: number, end: number, text: string): string {
  return value.slice(0, start) + text + value.slice(end);
}

/**
 * Makes a plain input (subject, preheader, a button's label) a place the personalisation
 * picker can insert into: pass the returned handler as the input's onFocus.
 */
export function useInputTarget(label: string, value: string, onChange: (value: string) => void) {
  const { setCaretTarget, releaseCaretTarget } = useEmailEditor();
  const latest = useRef({ value, onChange });
  const target = useRef<CaretTarget | null>(null);
  useEffect(() => {
    latest.current = { value, onChange };
  });
  useEffect(() => () => void (target.current && releaseCaretTarget(target.current)), [releaseCaretTarget]);
  return useCallback(
    (el: HTMLInputElement) => {
      target.current = {
        label,
        insert: (text) => {
          const start = el.selectionStart ?? latest.current.value.length;
          const end = el.selectionEnd ?? start;
          latest.current.onChange(spliceText(latest.current.value, start, end, text));
          requestAnimationFrame(() => {
            el.focus();
            el.setSelectionRange(start + text.length, start + text.length);
          });
        },
      };
      setCaretTarget(target.current);
    },
    [label, setCaretTarget],
  );
}
