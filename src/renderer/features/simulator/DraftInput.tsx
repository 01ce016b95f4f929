import { useId, useState, type InputHTMLAttributes, type KeyboardEvent } from 'react';

type NativeProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'onBlur' | 'defaultValue'>;

export interface DraftInputProps extends NativeProps {
  /** The value as stored. */
  value: string;
  /** Receives a text `check` accepted. */
  onCommit: (text: string) => void;
  /** What is wrong with `text`, or null when it can be stored. Defaults to accepting all. */
  check?: (text: string) => string | null;
  /** `change` stores every accepted keystroke; `blur` waits for Enter or leaving the field. Defaults to `change`. */
  commitOn?: 'change' | 'blur';
}

/**
 * A text field over a stored value: while the designer types, what they typed stays on
 * screen even when it cannot be stored yet (a half-typed number or zone), with the
 * reason next to it; leaving the field shows the stored value again.
 */
export function DraftInput({ value, onCommit, check, commitOn = 'change', onKeyDown, ...rest }: DraftInputProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const errorId = useId();
  const shown = draft ?? value;
  const error = draft === null || !check ? null : check(draft);
  const commit = (text: string) => {
    if (text !== value && !(check && check(text))) onCommit(text);
  };
  const keyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    onKeyDown?.(e);
    if (e.key === 'Enter' && commitOn === 'blur' && draft !== null) commit(draft);
    if (e.key === 'Escape' && draft !== null) {
      e.stopPropagation();
      setDraft(null);
    }
  };
  return (
    <span className="sim-field">
      <input
        {...rest}
        value={shown}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(e) => {
          setDraft(e.target.value);
          if (commitOn === 'change') commit(e.target.value);
        }}
        onBlur={() => {
          if (draft !== null && commitOn === 'blur') commit(draft);
          setDraft(null);
        }}
        onKeyDown={keyDown}
      />
      {error && (
        <span id={errorId} className="sim-error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
