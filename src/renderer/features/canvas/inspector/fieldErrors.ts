import { nodeDataSchemas, type NodeKind } from '../../../../shared/journey';

/** Schema messages keyed by field path, e.g. "wait.time" or "variants.0.percent". */
export type FieldErrors = Readonly<Record<string, string>>;

/** The first schema message for each field of `data` that does not fit `kind`. */
export function fieldErrors(kind: NodeKind, data: unknown): FieldErrors {
  const parsed = nodeDataSchemas[kind].safeParse(data);
  if (parsed.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String).join('.');
    errors[path] ??= issue.message;
  }
  return errors;
}

/** Reads of possibly damaged data, with the value a control can show. */
export const read = {
  text: (value: unknown): string => (typeof value === 'string' ? value : ''),
  number: (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null),
  bool: (value: unknown): boolean => value === true,
  record: (value: unknown): Record<string, unknown> =>
    value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {},
};

/** What every group of inspector fields gets. */
export interface FieldsProps {
  data: Record<string, unknown>;
  errors: FieldErrors;
  /** Writes a patch of top-level data fields; quick successive writes (typing) undo together. */
  write: (patch: Record<string, unknown>) => void;
  /** Writes a patch as its own undo step: choices, toggles, adding or removing a path. */
  commit: (patch: Record<string, unknown>) => void;
}

export const timeUnits = ['minutes', 'hours', 'days', 'weeks'] as const;
