import { useEffect, useId, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { useEmailEditor, type CaretTarget } from '../EmailEditorContext';
import type { FormatState } from './formats';
import { LinkForm } from './LinkForm';
import { RichTextBinding, type TextRange } from './RichTextBinding';
import { useHistoryRef } from './useHistoryRef';

interface RichTextFieldProps {
  text: Y.Text;
  /** The block's text as the document holds it now (see `RichTextOptions.resolve`). */
  resolve: () => Y.Text | null;
  label: string;
  list: 'none' | 'bullet' | 'number';
  align: 'left' | 'center' | 'right';
}

const none: FormatState = { bold: false, italic: false, href: null };

/**
 * A text block's rich text: bold, italic and links (buttons, or Ctrl+B, Ctrl+I, Ctrl+K),
 * edited in place and merged with everyone else's typing (see `RichTextBinding`).
 */
export function RichTextField({ text, resolve, label, list, align }: RichTextFieldProps) {
  const { origin, readOnly, setCaretTarget, releaseCaretTarget } = useEmailEditor();
  const history = useHistoryRef();
  const field = useRef<HTMLDivElement>(null);
  const [binding, setBinding] = useState<RichTextBinding | null>(null);
  const [state, setState] = useState<FormatState>(none);
  const [link, setLink] = useState<TextRange | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const errorId = useId();

  // The caret survives a new binding (the block was moved and its Y.Text replaced).
  const carried = useRef<TextRange | null>(null);

  useEffect(() => {
    const el = field.current!;
    const created = new RichTextBinding(el, text, {
      origin,
      editable: !readOnly,
      resolve,
      onState: setState,
      onHistory: (action) => history.current[action](),
      onLinkRequest: () => setLink(created.selection() ?? { start: 0, end: 0 }),
      onRefuse: (message) => {
        setRefused(message);
        setTimeout(() => setRefused((m) => (m === message ? null : m)), 8000);
      },
    });
    const target: CaretTarget = { label, insert: (value) => created.insertText(value) };
    const onFocus = () => setCaretTarget(target);
    el.addEventListener('focus', onFocus);
    if (carried.current && document.activeElement === el) created.focus(carried.current);
    setBinding(created);
    return () => {
      carried.current = created.selection();
      el.removeEventListener('focus', onFocus);
      releaseCaretTarget(target);
      created.dispose();
      setBinding(null);
    };
  }, [text, resolve, origin, readOnly, label, history, setCaretTarget, releaseCaretTarget]);

  const keepFocus = (e: React.MouseEvent) => e.preventDefault();
  const closeLink = (range: TextRange | null) => {
    setLink(null);
    binding?.focus(range);
  };
  return (
    <div className="ee-rich">
      <div role="toolbar" aria-label="Text formatting" className="ee-toolbar">
        <button type="button" aria-pressed={state.bold} onMouseDown={keepFocus} onClick={() => binding?.toggle('bold')}>
          <strong aria-hidden="true">B</strong>
          <span className="ee-visually-hidden">Bold</span>
        </button>
        <button
          type="button"
          aria-pressed={state.italic}
          onMouseDown={keepFocus}
          onClick={() => binding?.toggle('italic')}
        >
          <em aria-hidden="true">I</em>
          <span className="ee-visually-hidden">Italic</span>
        </button>
        <button
          type="button"
          aria-pressed={state.href !== null}
          aria-expanded={link !== null}
          onMouseDown={keepFocus}
          onClick={() => setLink(binding?.selection() ?? { start: 0, end: 0 })}
        >
          Link
        </button>
        <span className="ee-hint">Ctrl+B, Ctrl+I, Ctrl+K</span>
      </div>
      {link && (
        <LinkForm
          href={state.href}
          onApply={(href) => {
            const linked = binding?.setLink(href, link);
            closeLink(linked ? { start: linked.end, end: linked.end } : link);
          }}
          onRemove={() => {
            binding?.setLink(null, link);
            closeLink(link);
          }}
          onCancel={() => closeLink(link)}
        />
      )}
      <div
        ref={field}
        role="textbox"
        aria-multiline="true"
        aria-label={label}
        aria-readonly={readOnly || undefined}
        aria-describedby={refused ? errorId : undefined}
        tabIndex={0}
        spellCheck
        className={`ee-rich__field ee-rich__field--${list} ee-align--${align}`}
      />
      {refused && (
        <p id={errorId} className="ee-field__error" role="alert">
          {refused}
        </p>
      )}
    </div>
  );
}
