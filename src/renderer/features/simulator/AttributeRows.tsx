import { useState } from 'react';
import type { AttributeValue } from '../../../shared/simulator';
import { sampleContactLimits } from '../../../shared/simulator/contactsDoc';
import {
  attributeTypes,
  checkName,
  checkValue,
  convert,
  renamed,
  textOf,
  typeOf,
  valueOf,
  type AttributeType,
} from './attributeValues';
import { DraftInput } from './DraftInput';

type Attributes = Record<string, AttributeValue>;

interface AttributeRowsProps {
  attributes: Attributes;
  disabled: boolean;
  onChange: (next: Attributes) => void;
}

function TypeSelect({
  label,
  value,
  disabled,
  onChange,
}: {
  label: string;
  value: AttributeType;
  disabled: boolean;
  onChange: (type: AttributeType) => void;
}) {
  return (
    <select
      aria-label={label}
      value={value}
      disabled={disabled}
      onChange={(e) => onChange(e.target.value as AttributeType)}
    >
      {attributeTypes.map((t) => (
        <option key={t.id} value={t.id}>
          {t.label}
        </option>
      ))}
    </select>
  );
}

function NewAttribute({
  names,
  disabled,
  onAdd,
}: {
  names: string[];
  disabled: boolean;
  onAdd: (k: string, v: AttributeValue) => void;
}) {
  const [name, setName] = useState('');
  const [type, setType] = useState<AttributeType>('text');
  const [text, setText] = useState('');
  const [tried, setTried] = useState(false);
  const error = (tried || name ? checkName(name, names) : null) ?? checkValue(type, text);
  const add = () => {
    setTried(true);
    if (checkName(name, names) || checkValue(type, text)) return;
    onAdd(name.trim(), valueOf(type, text));
    setName('');
    setType('text');
    setText('');
    setTried(false);
  };
  const full = names.length >= sampleContactLimits.attributes;
  return (
    <div
      className="sim-row sim-row--new"
      onKeyDown={(e) => {
        // Enter adds the row; Ctrl+Enter runs the simulator; a button's Enter is its click.
        if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey && !(e.target instanceof HTMLButtonElement)) add();
      }}
    >
      <input
        aria-label="New attribute name"
        placeholder="e.g. plan"
        value={name}
        disabled={disabled || full}
        onChange={(e) => setName(e.target.value)}
      />
      <TypeSelect label="New attribute type" value={type} disabled={disabled || full} onChange={setType} />
      {(type === 'text' || type === 'number') && (
        <input
          aria-label="New attribute value"
          placeholder="value"
          value={text}
          disabled={disabled || full}
          onChange={(e) => setText(e.target.value)}
        />
      )}
      <button type="button" onClick={add} disabled={disabled || full}>
        Add attribute
      </button>
      {error && (tried || name) && (
        <span className="sim-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

/** The contact's attributes as name, type and value rows, and a row to add one. */
export function AttributeRows({ attributes, disabled, onChange }: AttributeRowsProps) {
  const entries = Object.entries(attributes);
  const names = entries.map(([k]) => k);
  const set = (key: string, value: AttributeValue) => onChange({ ...attributes, [key]: value });
  return (
    <fieldset className="sim-group">
      <legend>Attributes</legend>
      {entries.length === 0 && (
        <p className="sim-muted">No attributes yet. Add those the journey checks, e.g. activated.</p>
      )}
      {entries.map(([key, value], i) => (
        // Rows are keyed by place, so renaming one keeps its fields in place.
        <div className="sim-row" key={i}>
          <DraftInput
            aria-label={`Name of attribute ${key}`}
            value={key}
            disabled={disabled}
            commitOn="blur"
            check={(text) => (text.trim() === key ? null : checkName(text, names))}
            onCommit={(text) => text.trim() !== key && onChange(renamed(attributes, key, text.trim()))}
          />
          <TypeSelect
            label={`Type of ${key}`}
            value={typeOf(value)}
            disabled={disabled}
            onChange={(t) => set(key, convert(value, t))}
          />
          {(typeOf(value) === 'text' || typeOf(value) === 'number') && (
            <DraftInput
              aria-label={`Value of ${key}`}
              value={textOf(value)}
              disabled={disabled}
              check={(text) => checkValue(typeOf(value), text)}
              onCommit={(text) => set(key, valueOf(typeOf(value), text))}
            />
          )}
          <button
            type="button"
            className="sim-icon"
            aria-label={`Remove attribute ${key}`}
            title="Remove attribute"
            disabled={disabled}
            onClick={() => onChange(Object.fromEntries(entries.filter(([k]) => k !== key)))}
          >
            ✕
          </button>
        </div>
      ))}
      <NewAttribute names={names} disabled={disabled} onAdd={set} />
    </fieldset>
  );
}
