import { useId } from 'react';
import type { Sample } from './sampleData';

interface SampleFieldsProps {
  attributes: readonly string[];
  sample: Sample;
  onChange: (sample: Sample) => void;
}

/** The sample contact the preview and test sends are personalised for. */
export function SampleFields({ attributes, sample, onChange }: SampleFieldsProps) {
  const id = useId();
  return (
    <fieldset className="ee-group ee-sample">
      <legend className="ee-visually-hidden">Sample contact</legend>
      <p className="ee-hint">Empty values show each tag’s fallback.</p>
      <div className="ee-grid ee-grid--2">
        {attributes.map((name, i) => (
          <div className="ee-field" key={name}>
            <label htmlFor={`${id}-${i}`}>{name}</label>
            <input
              id={`${id}-${i}`}
              value={sample[name] ?? ''}
              maxLength={2000}
              onChange={(e) => onChange({ ...sample, [name]: e.target.value })}
            />
          </div>
        ))}
      </div>
    </fieldset>
  );
}
