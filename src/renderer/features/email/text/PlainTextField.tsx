import { useEffect, useId, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { useEmailEditor, type CaretTarget } from '../EmailEditorContext';
import { PlainTextBinding } from './PlainTextBinding';
import { useHistoryRef } from './useHistoryRef';

interface PlainTextFieldProps {
  text: Y.Text;
  /** The text as the document holds it now (moving a block replaces its Y.Text). */
  resolve: () => Y.Text | null;
  label: string;
  rows?: number;
}

/** Plain shared text (a heading) in a textarea, merged with everyone else's typing. */
export function PlainTextField({ text, resolve, label, rows = 2 }: PlainTextFieldProps) {
  const { origin, readOnly, setCaretTarget, releaseCaretTarget } = useEmailEditor();
  const history = useHistoryRef();
  const id = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const [refused, setRefused] = useState<string | null>(null);

  useEffect(() => {
    const el = area.current!;
    const binding = new PlainTextBinding(el, text, {
      origin,
      editable: !readOnly,
      resolve,
      onHistory: (action) => history.current[action](),
      onRefuse: (message) => {
        setRefused(message);
        setTimeout(() => setRefused((m) => (m === message ? null : m)), 8000);
      },
    });
    const target: CaretTarget = { label, insert: (value) => binding.insertText(value) };
    const onFocus = () => setCaretTarget(target);
    el.addEventListener('focus', onFocus);
    return () => {
      el.removeEventListener('focus', onFocus);
      releaseCaretTarget(target);
      binding.dispose();
    };
  }, [text, resolve, origin, readOnly, label, history, setCaretTarget, releaseCaretTarget]);

  return (
    <div className="ee-field">
      <label htmlFor={id}>{label}</label>
      <textarea
        ref={area}
        id={id}
        rows={rows}
        aria-describedby={refused ? `${id}-error` : undefined}
        className="ee-plain"
      />
      {refused && (
        <p id={`${id}-error`} className="ee-field__error" role="alert">
          {refused}
        </p>
      )}
    </div>
  );
}
