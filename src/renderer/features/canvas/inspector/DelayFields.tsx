import { NumberField, SelectField, TextField, options } from './controls';
import { read, timeUnits, type FieldsProps } from './fieldErrors';

const waitDefaults: Record<string, Record<string, unknown>> = {
  fixed: { mode: 'fixed', amount: 1, unit: 'days' },
  until: { mode: 'until', date: new Date().toISOString().slice(0, 10), time: '09:00' },
  localTime: { mode: 'localTime', time: '09:00', fallbackTimezone: 'UTC' },
};

const modes = options(['fixed', 'until', 'localTime'], {
  fixed: 'For a fixed time',
  until: 'Until a date',
  localTime: "Until a time in the contact's time zone",
});

/** The Delay's wait: a discriminated union, switched by its mode. */
export function DelayFields({ data, errors, write, commit }: FieldsProps) {
  const wait = read.record(data.wait);
  const mode = read.text(wait.mode);
  const set = (field: string, value: unknown) => write({ wait: { ...wait, [field]: value } });
  const err = (field: string) => errors[`wait.${field}`];
  // Both "until a date" and "at a local time" wait for a time of day.
  const timeField = (
    <TextField
      label="Time"
      type="time"
      value={read.text(wait.time)}
      error={err('time')}
      onChange={(v) => set('time', v)}
    />
  );
  return (
    <>
      <SelectField
        label="Wait"
        value={mode}
        options={modes}
        error={errors.wait ?? err('mode')}
        onChange={(next) => commit({ wait: { ...waitDefaults[next] } })}
      />
      {mode === 'fixed' && (
        <>
          <NumberField
            label="Amount"
            value={read.number(wait.amount)}
            min={1}
            step={1}
            error={err('amount')}
            onChange={(v) => set('amount', v)}
          />
          <SelectField
            label="Unit"
            value={read.text(wait.unit)}
            options={options(timeUnits)}
            error={err('unit')}
            onChange={(v) => commit({ wait: { ...wait, unit: v } })}
          />
        </>
      )}
      {mode === 'until' && (
        <>
          <TextField
            label="Date"
            type="date"
            value={read.text(wait.date)}
            error={err('date')}
            onChange={(v) => set('date', v)}
          />
          {timeField}
        </>
      )}
      {mode === 'localTime' && (
        <>
          {timeField}
          <TextField
            label="Time zone when unknown"
            value={read.text(wait.fallbackTimezone)}
            placeholder="e.g. Europe/Paris"
            error={err('fallbackTimezone')}
            onChange={(v) => set('fallbackTimezone', v)}
          />
        </>
      )}
    </>
  );
}
