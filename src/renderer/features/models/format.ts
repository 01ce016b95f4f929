import { MailyError } from '../../../shared/errors';

/** "1.2 GB", "830 MB", "12 kB". */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** "1.2B", "494M", "128k" parameters. */
export function formatCount(count: number): string {
  if (count >= 1e9) return `${(count / 1e9).toFixed(1)}B`;
  if (count >= 1e6) return `${Math.round(count / 1e6)}M`;
  if (count >= 1e3) return `${Math.round(count / 1e3)}k`;
  return String(count);
}

/** The message of an error from the API, or a generic one that says what to do. */
export function messageOf(error: unknown): string {
  return error instanceof MailyError ? error.message : 'That did not work. Try again.';
}
