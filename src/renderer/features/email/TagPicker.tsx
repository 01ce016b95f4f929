import { useEffect, useId, useRef, useState } from 'react';
import { formatTag, parseTags } from '../../../shared/email/personalize';
import type { CaretTarget } from './EmailEditorContext';

/** Attributes most contact lists have, offered before those the email already uses. */
const common = ['first_name', 'last_name', 'email', 'company.name', 'city'];

interface TagPickerProps {
  /** The field the tag goes into (the last one focused), or null. */
  target: CaretTarget | null;
  /** Attributes the email already uses. */
  used: readonly string[];
  disabled: boolean;
}

/** "Insert personalisation": builds `{{ name | "fallback" }}` and inserts it at the caret. */
export function TagPicker({ target, used, disabled }: TagPickerProps) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('first_name');
  const [fallback, setFallback] = useState('there');
  const ids = { name: useId(), fallback: useId(), list: useId(), hint: useId() };
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => void (open && first.current?.select()), [open]);
  const tag = formatTag(name.trim(), fallback === '' ? undefined : fallback);
  const problem = name.trim() ? parseTags(tag).errors[0]?.message : 'Enter an attribute name, e.g. first_name.';
  const insert = () => {
    if (problem || !target) return;
    setOpen(false);
    target.insert(tag);
  };
  return (
    <div className="ee-tags">
      <button
        type="button"
        aria-expanded={open}
        aria-describedby={ids.hint}
        disabled={disabled || !target}
        onClick={() => setOpen((o) => !o)}
      >
        Insert personalisation
      </button>
      <span id={ids.hint} className="ee-hint">
        {target ? `Inserts into ${target.label}` : 'Click into a text field first'}
      </span>
      {open && (
        <div
          className="ee-popover"
          role="group"
          aria-label="Personalisation tag"
          data-local-undo
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              e.stopPropagation();
              setOpen(false);
            } else if (e.key === 'Enter' && (e.target as HTMLElement).tagName === 'INPUT') {
              e.preventDefault();
              insert();
            }
          }}
        >
          <label htmlFor={ids.name}>Attribute</label>
          <input
            ref={first}
            id={ids.name}
            list={ids.list}
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={problem ? true : undefined}
          />
          <datalist id={ids.list}>
            {[...new Set([...common, ...used])].map((n) => (
              <option key={n} value={n} />
            ))}
          </datalist>
          <label htmlFor={ids.fallback}>Fallback</label>
          <input id={ids.fallback} value={fallback} onChange={(e) => setFallback(e.target.value)} />
          <p className="ee-hint">Shown when a contact has no value. Leave empty for nothing.</p>
          <p className="ee-tags__preview">
            <code>{tag}</code>
          </p>
          {problem && <p className="ee-field__error">{problem}</p>}
          <div className="ee-row">
            <button type="button" className="primary" disabled={!!problem} onClick={insert}>
              Insert tag
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
