import { useId, useState } from 'react';
import { isTimeZone } from '../../../shared/simulator';
import { DraftInput } from './DraftInput';
import { commonTimeZones } from './timeZones';

const other = '__other__';

interface TimeZoneFieldProps {
  /** The contact's zone; undefined means UTC. */
  value: string | undefined;
  disabled: boolean;
  onChange: (zone: string) => void;
}

/** A select of common zones, and a field for any other IANA zone (checked as typed). */
export function TimeZoneField({ value, disabled, onChange }: TimeZoneFieldProps) {
  const zone = value ?? 'UTC';
  const id = useId();
  const [typing, setTyping] = useState(false);
  // A zone off the list (typed, or set by a teammate) shows as "Other…" with its field.
  const selected = typing || !commonTimeZones.includes(zone) ? other : zone;
  return (
    <div className="sim-row">
      <label className="sim-label" htmlFor={id}>
        Time zone
      </label>
      <select
        id={id}
        value={selected}
        disabled={disabled}
        onChange={(e) => {
          const next = e.target.value;
          setTyping(next === other);
          if (next !== other) onChange(next);
        }}
      >
        {commonTimeZones.map((z) => (
          <option key={z} value={z}>
            {z}
          </option>
        ))}
        <option value={other}>Other…</option>
      </select>
      {selected === other && (
        <DraftInput
          aria-label="Other zone (IANA name)"
          placeholder="e.g. Asia/Kathmandu"
          value={commonTimeZones.includes(zone) ? '' : zone}
          disabled={disabled}
          check={(text) =>
            isTimeZone(text.trim()) ? null : 'Not a time zone this computer knows, e.g. Asia/Kathmandu'
          }
          onCommit={(text) => onChange(text.trim())}
        />
      )}
      {value !== undefined && !isTimeZone(`${value}`) && (
        <span className="sim-error" role="alert">
          “{value.slice(0, 100)}” is not a known time zone; the simulator uses UTC.
        </span>
      )}
    </div>
  );
}
