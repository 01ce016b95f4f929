import { useEffect, useId, useRef, useState } from 'react';
import { safeHref } from '../../../../shared/email/blocks';

interface LinkFormProps {
  /** The current link of the selection, if any. */
  href: string | null;
  onApply: (href: string) => void;
  onRemove: () => void;
  onCancel: () => void;
}

/** Asks for a link address (web or mail only); Enter applies, Esc cancels. */
export function LinkForm({ href, onApply, onRemove, onCancel }: LinkFormProps) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState(href ?? 'https://');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => input.current?.select(), []);
  const apply = () => {
    const url = safeHref(value);
    if (!url) return setError('Enter an address starting with https://, http:// or mailto:.');
    onApply(url);
  };
  return (
    <div
      className="ee-popover ee-link-form"
      role="group"
      aria-label="Link"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <label htmlFor={id}>Link address</label>
      <input
        ref={input}
        id={id}
        type="url"
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => {
          setValue(e.target.value);
          setError(null);
        }}
        onKeyDown={(e) => {
          if (e.key !== 'Enter') return;
          e.preventDefault();
          apply();
        }}
      />
      {error && (
        <p id={`${id}-error`} className="ee-field__error">
          {error}
        </p>
      )}
      <div className="ee-row">
        <button type="button" className="primary" onClick={apply}>
          Apply link
        </button>
        {href && (
          <button type="button" onClick={onRemove}>
            Remove link
          </button>
        )}
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
