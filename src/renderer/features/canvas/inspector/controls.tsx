import { useId, useState, type ReactNode } from 'react';

/**
 * Labelled form controls for the inspector. Each shows the schema's message for its
 * field next to it (and links it with aria-describedby).
 */

interface FieldShellProps {
  id: string;
  label: string;
  /** Keep the label for assistive technology only (a table-like row shows a header). */
  hideLabel?: boolean;
  error?: string;
  children: ReactNode;
}

function FieldShell({ id, label, hideLabel, error, children }: FieldShellProps) {
  return (
    <div className={error ? 'je-field je-field--invalid' : 'je-field'}>
      <label htmlFor={id} className={hideLabel ? 'je-visually-hidden' : undefined}>
        {label}
      </label>
      {children}
      {error && (
        <p id={`${id}-error`} className="je-field__error">
          {error}
        </p>
      )}
    </div>
  );
}

interface ControlProps<V> {
  label: string;
  hideLabel?: boolean;
  value: V;
  onChange: (value: V) => void;
  error?: string;
}

function a11y(id: string, error?: string) {
  return { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? `${id}-error` : undefined };
}

export function TextField(
  props: ControlProps<string> & {
    type?: 'text' | 'email' | 'time' | 'date';
    multiline?: boolean;
    placeholder?: string;
  },
) {
  const id = useId();
  const { label, hideLabel, value, onChange, error, type = 'text', multiline, placeholder } = props;
  return (
    <FieldShell id={id} label={label} hideLabel={hideLabel} error={error}>
      {multiline ? (
        <textarea
          {...a11y(id, error)}
          value={value}
          rows={5}
          placeholder={placeholder}
          onChange={(e) => onChange(e.target.value)}
        />
      ) : (
        <input
          {...a11y(id, error)}
          type={type}
          value={value}
          placeholder={placeholder}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </FieldShell>
  );
}

/**
 * A number input that keeps what is being typed ("", "-", "1.") locally and writes
 * only numbers, so clearing the box to retype does not write garbage to the journey.
 */
export function NumberField(
  props: Omit<ControlProps<number | null>, 'onChange'> & {
    min?: number;
    max?: number;
    step?: number;
    onChange: (value: number) => void;
  },
) {
  const id = useId();
  const { label, hideLabel, value, onChange, error, min, max, step } = props;
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <FieldShell id={id} label={label} hideLabel={hideLabel} error={error}>
      <input
        {...a11y(id, error)}
        type="number"
        inputMode="decimal"
        min={min}
        max={max}
        step={step}
        value={draft ?? (value === null ? '' : String(value))}
        onChange={(e) => {
          setDraft(e.target.value);
          const parsed = e.target.value.trim() === '' ? Number.NaN : Number(e.target.value);
          if (Number.isFinite(parsed)) onChange(parsed);
        }}
        onBlur={() => setDraft(null)}
      />
    </FieldShell>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField(props: ControlProps<string> & { options: readonly Option[] }) {
  const id = useId();
  const { label, value, onChange, error, options } = props;
  const known = options.some((o) => o.value === value);
  return (
    <FieldShell id={id} label={label} error={error}>
      <select {...a11y(id, error)} value={known ? value : ''} onChange={(e) => onChange(e.target.value)}>
        {!known && (
          <option value="" disabled>
            Choose…
          </option>
        )}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function CheckboxField({ label, value, onChange, error }: ControlProps<boolean>) {
  const id = useId();
  return (
    <div className="je-field je-field--check">
      <input {...a11y(id, error)} type="checkbox" checked={value} onChange={(e) => onChange(e.target.checked)} />
      <label htmlFor={id}>{label}</label>
      {error && (
        <p id={`${id}-error`} className="je-field__error">
          {error}
        </p>
      )}
    </div>
  );
}

/** `values` as options labelled by `labels` (or by the value itself). */
export function options(values: readonly string[], labels: Readonly<Record<string, string>> = {}): Option[] {
  return values.map((value) => ({ value, label: labels[value] ?? value }));
}
