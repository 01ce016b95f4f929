/** How the panel writes times and values. */

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

/** "5 minutes ago", "yesterday", "just now". */
export function relativeTime(time: number, now = Date.now()): string {
  const delta = time - now;
  for (const [unit, ms] of units) {
    if (Math.abs(delta) >= ms) return relative.format(Math.round(delta / ms), unit);
  }
  return 'just now';
}

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
