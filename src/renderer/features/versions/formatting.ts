/** How the panel writes times and values. */

export { relativeTime } from '../../app/relativeTime';

const MAX_VALUE = 80;

/** A field value as one short line: text in quotes, "empty", numbers and JSON as they are. */
export function describeValue(value: unknown): string {
  if (value === undefined || value === null || value === '') return 'empty';
  const text = typeof value === 'string' ? `“${value}”` : (JSON.stringify(value) ?? String(value));
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

/** Longest version name the host accepts. */
export const MAX_VERSION_NAME = 120;

/** The name of the version saved automatically before restoring `name`, shortened to fit. */
export function beforeRestoreName(name: string): string {
  const room = MAX_VERSION_NAME - 'Before restoring “”'.length;
  const short = name.length > room ? `${name.slice(0, room - 1)}…` : name;
  return `Before restoring “${short}”`;
}
