/** Defaults and checks of the sign form, pure so they are tested without a window. */

/** "Approved 1 Dec 2026": the version label offered when signing. */
export function defaultVersionLabel(now: number, locale?: string): string {
  return `Approved ${new Date(now).toLocaleDateString(locale, { day: 'numeric', month: 'short', year: 'numeric' })}`;
}

/**
 * The expiry of a date input's value (`YYYY-MM-DD`): the end of that day, local time, in
 * ms since the epoch; undefined for an empty value. A day that is not after `now` is an error.
 */
export function expiryOf(value: string, now: number): { expiresAt?: number; error?: string } {
  if (!value) return {};
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return { error: 'Enter the expiry as a date, or leave it empty for none.' };
  const end = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 23, 59, 59, 999).getTime();
  if (!(end > now)) return { error: 'The expiry must be a day in the future; leave it empty for none.' };
  return { expiresAt: end };
}
