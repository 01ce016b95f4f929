import { CheckboxField, NumberField, SelectField, TextField, options } from './controls';
import { read, type FieldsProps } from './fieldErrors';

const triggerDefaults: Record<string, Record<string, unknown>> = {
  segment: { type: 'segment', segment: '', reentry: false },
  event: { type: 'event', event: '', filter: '' },
  date: { type: 'date', attribute: '', offsetDays: 0, time: '09:00', yearly: false },
};

const triggerTypes = options(['segment', 'event', 'date'], {
  segment: 'Joins a segment',
  event: 'Does an event',
  date: 'A date on the profile',
});

/** The Entry's trigger: a discriminated union, switched by its type. */
export function EntryFields({ data, errors, write, commit }: FieldsProps) {
  const trigger = read.record(data.trigger);
  const type = read.text(trigger.type);
  const set = (field: string, value: unknown) => write({ trigger: { ...trigger, [field]: value } });
  const choose = (field: string, value: unknown) => commit({ trigger: { ...trigger, [field]: value } });
  const err = (field: string) => errors[`trigger.${field}`];
  return (
    <>
      <SelectField
        label="Trigger"
        value={type}
        options={triggerTypes}
        error={errors.trigger ?? err('type')}
        onChange={(next) => commit({ trigger: { ...triggerDefaults[next] } })}
      />
      {type === 'segment' && (
        <>
          <TextField
            label="Segment"
            value={read.text(trigger.segment)}
            error={err('segment')}
            onChange={(v) => set('segment', v)}
          />
          <CheckboxField
            label="Contacts may enter again"
            value={read.bool(trigger.reentry)}
            error={err('reentry')}
            onChange={(v) => choose('reentry', v)}
          />
        </>
      )}
      {type === 'event' && (
        <>
          <TextField
            label="Event"
            value={read.text(trigger.event)}
            error={err('event')}
            onChange={(v) => set('event', v)}
          />
          <TextField
            label="Filter"
            value={read.text(trigger.filter)}
            error={err('filter')}
            onChange={(v) => set('filter', v)}
          />
        </>
      )}
      {type === 'date' && (
        <>
          <TextField
            label="Date attribute"
            value={read.text(trigger.attribute)}
            error={err('attribute')}
            onChange={(v) => set('attribute', v)}
          />
          <NumberField
            label="Days before (−) or after (+)"
            value={read.number(trigger.offsetDays)}
            min={-365}
            max={365}
            step={1}
            error={err('offsetDays')}
            onChange={(v) => set('offsetDays', v)}
          />
          <TextField
            label="Time"
            type="time"
            value={read.text(trigger.time)}
            error={err('time')}
            onChange={(v) => set('time', v)}
          />
          <CheckboxField
            label="Every year"
            value={read.bool(trigger.yearly)}
            error={err('yearly')}
            onChange={(v) => choose('yearly', v)}
          />
        </>
      )}
    </>
  );
}
