import { useEffect, useId, useState, type ReactNode } from 'react';

/**
 * Labelled controls for block and message fields. Each shows its error next to it and
 * links it with aria-describedby, so a screen reader reads the reason with the field.
 */

interface ShellProps {
  id: string;
  label: string;
  error?: string | null;
  hint?: string;
  children: ReactNode;
}

function Shell({ id, label, error, hint, children }: ShellProps) {
  return (
    <div className={error ? 'ee-field ee-field--invalid' : 'ee-field'}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && (
        <p id={`${id}-hint`} className="ee-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="ee-field__error">
          {error}
        </p>
      )}
    </div>
  );
}

/** The accessibility attributes linking a control to its hint and error. */
export function describedBy(id: string, error?: string | null, hint?: string) {
  const ids = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');
  return { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': ids || undefined };
}

interface FieldProps<V> {
  label: string;
  value: V;
  onChange: (value: V) => void;
  error?: string | null;
  hint?: string;
  disabled?: boolean;
}

export function TextInput(
  props: FieldProps<string> & {
    type?: 'text' | 'email' | 'url';
    placeholder?: string;
    onFocus?: (el: HTMLInputElement) => void;
  },
) {
  const id = useId();
  const { label, value, onChange, error, hint, disabled, type = 'text', placeholder, onFocus } = props;
  return (
    <Shell id={id} label={label} error={error} hint={hint}>
      <input
        {...describedBy(id, error, hint)}
        type={type}
        value={value}
        placeholder={placeholder}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value)}
        onFocus={(e) => onFocus?.(e.currentTarget)}
      />
    </Shell>
  );
}

/**
 * A whole number. What is typed stays local until it is a number ("" or "-" while
 * retyping are not written); values from elsewhere show unless the field is being edited.
 */
export function NumberInput(props: FieldProps<number> & { min: number; max: number; unit?: string }) {
  const id = useId();
  const { label, value, onChange, error, hint, disabled, min, max, unit } = props;
  const [draft, setDraft] = useState<string | null>(null);
  const [local, setLocal] = useState<string | null>(null);
  useEffect(() => setDraft(null), [value]);
  const typed = draft ?? String(value);
  const change = (text: string) => {
    setDraft(text);
    const n = Number(text);
    if (text.trim() === '' || !Number.isInteger(n)) return setLocal(`Enter a whole number from ${min} to ${max}.`);
    if (n < min || n > max) return setLocal(`Enter a number from ${min} to ${max}.`);
    setLocal(null);
    onChange(n);
  };
  const shown = local ?? error;
  return (
    <Shell id={id} label={unit ? `${label} (${unit})` : label} error={shown} hint={hint}>
      <input
        {...describedBy(id, shown, hint)}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        step={1}
        value={typed}
        disabled={disabled}
        onChange={(e) => change(e.target.value)}
        onBlur={() => {
          setDraft(null);
          setLocal(null);
        }}
      />
    </Shell>
  );
}

export function SelectInput<V extends string>(
  props: FieldProps<V> & { options: readonly { value: V; label: string }[] },
) {
  const id = useId();
  const { label, value, onChange, error, hint, disabled, options } = props;
  return (
    <Shell id={id} label={label} error={error} hint={hint}>
      <select
        {...describedBy(id, error, hint)}
        value={value}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value as V)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Shell>
  );
}
