import { useEffect, useId, useState } from 'react';
import { describedBy } from './controls';

const hex = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;

/** #abc → #aabbcc, for the native colour picker (which only takes six digits). */
export function sixDigits(color: string): string {
  return color.length === 4 ? `#${[...color.slice(1)].map((c) => c + c).join('')}` : color;
}

interface ColorInputProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** When true, an empty field means "no colour" (transparent). */
  allowNone?: boolean;
  error?: string | null;
  disabled?: boolean;
}

/** A hex colour typed or picked; an invalid entry stays local with a message. */
export function ColorInput({ label, value, onChange, allowNone, error, disabled }: ColorInputProps) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  useEffect(() => setDraft(null), [value]);
  const typed = draft ?? value;
  const valid = hex.test(typed) || (allowNone === true && typed === '');
  const message = valid ? error : `Use a hex colour, e.g. #1a2b3c${allowNone ? ', or leave empty for none' : ''}.`;
  const change = (text: string) => {
    setDraft(text);
    if (hex.test(text) || (allowNone && text === '')) onChange(text);
  };
  return (
    <div className={message ? 'ee-field ee-field--invalid' : 'ee-field'}>
      <label htmlFor={id}>{label}</label>
      <div className="ee-color">
        <input
          type="color"
          aria-label={`Pick ${label.toLowerCase()}`}
          value={hex.test(typed) ? sixDigits(typed) : '#ffffff'}
          disabled={disabled}
          onChange={(e) => change(e.target.value)}
        />
        <input
          {...describedBy(id, message)}
          type="text"
          spellCheck={false}
          placeholder={allowNone ? 'none' : '#000000'}
          value={typed}
          disabled={disabled}
          onChange={(e) => change(e.target.value.trim())}
          onBlur={() => setDraft(null)}
        />
      </div>
      {message && (
        <p id={`${id}-error`} className="ee-field__error">
          {message}
        </p>
      )}
    </div>
  );
}
