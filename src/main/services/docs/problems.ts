import { ErrorCode, MailyError } from '../../../shared/errors';
import type { Damage } from './loadDoc';

const why: Record<Damage['reason'], string> = {
  checksum: 'its saved bytes have changed on disk',
  decode: 'its saved data cannot be read',
  gap: 'it is missing from the saved history',
  io: 'the disk could not read it',
};

function when(savedAt: number | null): string {
  return savedAt === null ? '' : ` (saved ${new Date(savedAt).toLocaleString()})`;
}

const safe = 'Your other campaigns are not affected, and nothing has been deleted.';

function whatHappened(name: string, damage: Damage): string {
  if (damage.part === 'missing') return `A change is missing from the saved history of “${name}”`;
  if (damage.part === 'unreadable') return `Part of the saved history of “${name}” could not be read from disk`;
  return `A saved change in “${name}” is damaged: ${why[damage.reason]}${when(damage.savedAt)}`;
}

/**
 * The message a designer sees when a campaign opened read-only: which part is damaged,
 * that it is read-only, that other campaigns are fine, and what to do next.
 */
export function describeDamage(name: string, damage: Damage): string {
  if (damage.part === 'snapshot') {
    return (
      `The saved copy of “${name}” is damaged: ${why[damage.reason]}${when(damage.savedAt)}. ` +
      `Maily opened it read-only with an empty journey so nothing more is lost. ${safe} ` +
      'Leave this campaign as it is and keep a copy of your Maily data folder so it can be recovered; ' +
      'to keep working, create a new campaign.'
    );
  }
  return (
    `${whatHappened(name, damage)}. ` +
    `Maily opened it read-only, showing everything saved before that change. ${safe} ` +
    'To keep working, duplicate it: the copy holds everything you see here and can be edited.'
  );
}

/** Refusal for an edit to a campaign that is open read-only. */
export function readOnly(name: string): MailyError {
  return new MailyError(
    ErrorCode.ReadOnly,
    `“${name}” is open read-only because part of it is damaged, so this change was not saved. ` +
      'Duplicate it to keep working on what could be read.',
  );
}

/** Refusal for a campaign that does not exist (any more). */
export function notFound(): MailyError {
  return new MailyError(
    ErrorCode.NotFound,
    'This campaign no longer exists; it may have been deleted in another window. Pick another one from the list.',
  );
}

/** Refusal for a campaign that is in the trash. */
export function inTrash(name: string): MailyError {
  return new MailyError(ErrorCode.NotFound, `“${name}” is in the trash. Restore it to open or edit it.`);
}

/** Refusal for an update that Yjs cannot decode or apply. */
export function badUpdate(): MailyError {
  return new MailyError(
    ErrorCode.BadUpdate,
    'This change could not be read, so it was not saved. Reopen the campaign to get back in step; your earlier work is safe.',
  );
}

/** Refusal for an update over the size cap. */
export function tooLarge(bytes: number, cap: number): MailyError {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  return new MailyError(
    ErrorCode.TooLarge,
    `This change is ${mb(bytes)}, more than the ${mb(cap)} Maily saves in one go, so it was not saved. ` +
      'Make the edit in smaller steps (for example, paste fewer nodes at once) and try again.',
  );
}
