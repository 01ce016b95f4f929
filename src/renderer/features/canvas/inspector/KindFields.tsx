import { conditionOperators, type NodeKind } from '../../../../shared/journey';
import { NumberField, SelectField, TextField, options } from './controls';
import { DelayFields } from './DelayFields';
import { EntryFields } from './EntryFields';
import { read, timeUnits, type FieldsProps } from './fieldErrors';
import { PathsEditor } from './PathsEditor';

const operatorLabels: Record<string, string> = {
  equals: 'equals',
  notEquals: 'does not equal',
  contains: 'contains',
  greaterThan: 'is greater than',
  lessThan: 'is less than',
  exists: 'exists',
  notExists: 'does not exist',
};

const operationLabels: Record<string, string> = {
  set: 'Set to',
  increment: 'Increase by',
  unset: 'Clear',
  addTag: 'Add tag',
  removeTag: 'Remove tag',
};

/** Every field of a node's kind, each a labelled control writing to the doc. */
export function KindFields({ kind, ...props }: FieldsProps & { kind: NodeKind }) {
  const { data, errors, write, commit } = props;
  const text = (field: string, label: string, type?: 'email' | 'time' | 'date') => (
    <TextField
      label={label}
      type={type}
      value={read.text(data[field])}
      error={errors[field]}
      onChange={(v) => write({ [field]: v })}
    />
  );
  const choice = (field: string, label: string, values: readonly string[], labels?: Record<string, string>) => (
    <SelectField
      label={label}
      value={read.text(data[field])}
      options={options(values, labels)}
      error={errors[field]}
      onChange={(v) => commit({ [field]: v })}
    />
  );
  const label = kind === 'note' ? null : text('label', 'Label');
  switch (kind) {
    case 'entry':
      return (
        <>
          {label}
          <EntryFields {...props} />
        </>
      );
    case 'email':
      return (
        <>
          {label}
          {text('subject', 'Subject')}
          {text('preheader', 'Preheader')}
          {text('senderName', 'Sender name')}
          {text('senderEmail', 'Sender email', 'email')}
          {text('replyTo', 'Reply-to address', 'email')}
        </>
      );
    case 'delay':
      return (
        <>
          {label}
          <DelayFields {...props} />
        </>
      );
    case 'waitUntil':
      return (
        <>
          {label}
          {text('event', 'Event to wait for')}
          <NumberField
            label="Time out after"
            value={read.number(data.timeoutAmount)}
            min={1}
            step={1}
            error={errors.timeoutAmount}
            onChange={(v) => write({ timeoutAmount: v })}
          />
          {choice('timeoutUnit', 'Time-out unit', timeUnits)}
        </>
      );
    case 'condition':
      return (
        <>
          {label}
          {text('attribute', 'Profile attribute')}
          {choice('operator', 'Operator', conditionOperators, operatorLabels)}
          {data.operator !== 'exists' && data.operator !== 'notExists' && text('value', 'Value')}
        </>
      );
    case 'abSplit':
      return (
        <>
          {label}
          {choice('metric', 'Winning metric', ['open', 'click', 'conversion'], {
            open: 'Opens',
            click: 'Clicks',
            conversion: 'Conversions',
          })}
          <PathsEditor kind="abSplit" {...props} />
        </>
      );
    case 'randomCohort':
      return (
        <>
          {label}
          <PathsEditor kind="randomCohort" {...props} />
        </>
      );
    case 'updateProfile':
      return (
        <>
          {label}
          {text('attribute', 'Profile attribute')}
          {choice('operation', 'Change', ['set', 'increment', 'unset', 'addTag', 'removeTag'], operationLabels)}
          {data.operation !== 'unset' && text('value', 'Value')}
        </>
      );
    case 'goal':
      return (
        <>
          {label}
          {choice('type', 'Type', ['goal', 'exit'], {
            goal: 'Goal (counts a conversion)',
            exit: 'Exit (leaves the journey)',
          })}
          {text('event', 'Conversion event')}
        </>
      );
    case 'note':
      return (
        <>
          <TextField
            label="Note"
            multiline
            value={read.text(data.text)}
            error={errors.text}
            onChange={(v) => write({ text: v })}
          />
          {choice('color', 'Colour', ['yellow', 'blue', 'green', 'pink'], {
            yellow: 'Yellow',
            blue: 'Blue',
            green: 'Green',
            pink: 'Pink',
          })}
        </>
      );
  }
}
