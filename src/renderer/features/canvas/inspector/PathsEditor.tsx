import { NumberField, TextField } from './controls';
import { read, type FieldsProps } from './fieldErrors';
import { newPath, pathRules, pathTotal, readPaths, type SplitKind, type SplitPath } from './paths';

/**
 * The paths of an A/B experiment or a random cohort: name and share of each, add and
 * remove within the kind's limits, and the running total (it must be 100%). Removing a
 * path also removes the connection leaving it (the doc writer does that).
 */
export function PathsEditor({ kind, data, errors, write, commit }: FieldsProps & { kind: SplitKind }) {
  const rules = pathRules[kind];
  const paths = readPaths(data[rules.field]);
  const control = kind === 'abSplit' ? read.number(data.controlPercent) : null;
  const total = pathTotal(paths, control ?? 0);
  const save = (next: SplitPath[]) => write({ [rules.field]: next });
  const change = (i: number, patch: Partial<SplitPath>) =>
    save(paths.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  const noun = rules.noun.toLowerCase();
  return (
    <fieldset className="je-paths">
      <legend>{rules.noun}s</legend>
      {errors[rules.field] && <p className="je-field__error">{errors[rules.field]}</p>}
      <div className="je-paths__head" aria-hidden="true">
        <span>Name</span>
        <span>Share %</span>
      </div>
      {paths.map((path, i) => (
        <div key={`${path.id}-${i}`} className="je-paths__row">
          <TextField
            hideLabel
            label={`${rules.noun} ${i + 1} name`}
            value={path.name}
            error={errors[`${rules.field}.${i}.name`]}
            onChange={(name) => change(i, { name })}
          />
          <NumberField
            hideLabel
            label={`${rules.noun} ${i + 1} percent`}
            value={path.percent}
            min={0}
            max={100}
            error={errors[`${rules.field}.${i}.percent`]}
            onChange={(percent) => change(i, { percent })}
          />
          <button
            type="button"
            className="je-paths__remove"
            aria-label={`Remove ${noun} ${i + 1}`}
            title={paths.length <= rules.min ? `At least ${rules.min} ${noun}s` : `Remove ${path.name || noun}`}
            disabled={paths.length <= rules.min}
            onClick={() => commit({ [rules.field]: paths.filter((_, j) => j !== i) })}
          >
            ×
          </button>
        </div>
      ))}
      <button
        type="button"
        disabled={paths.length >= rules.max}
        onClick={() => commit({ [rules.field]: [...paths, newPath(kind, paths, control ?? 0)] })}
      >
        Add {noun}
      </button>
      {kind === 'abSplit' && (
        <NumberField
          label="Control group %"
          value={control}
          min={0}
          max={100}
          error={errors.controlPercent}
          onChange={(v) => write({ controlPercent: v })}
        />
      )}
      <p className={total === 100 ? 'je-paths__total' : 'je-paths__total je-paths__total--off'} aria-live="polite">
        Total: {total}%{total === 100 ? ' ✓' : ' — must add up to 100%'}
      </p>
      <p className="je-hint">
        {rules.min}–{rules.max} {noun}s{kind === 'abSplit' ? ' plus the control group' : ''}.
      </p>
    </fieldset>
  );
}
