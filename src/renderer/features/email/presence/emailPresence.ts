import { cssColour, cssString } from '../../../../shared/collab/presenceCss';
import type { LocalPresence, RemotePresence } from '../../../../shared/collab/presence';

/** Longest id presence carries; a longer one would make peers drop our whole state. */
const maxIdLength = 64;

/** Where this window is, as presence: the email and the selected block (none on "details"). */
export function emailPresence(emailId: string, selected: string): LocalPresence['email'] {
  if (emailId.length > maxIdLength) return null;
  const blockId = selected === 'details' || selected.length > maxIdLength ? null : selected;
  return { emailId, blockId };
}

/** Teammates with `emailId` open, in the feed's order. */
export function teammatesIn(remote: readonly RemotePresence[], emailId: string): RemotePresence[] {
  return remote.filter((r) => r.email?.emailId === emailId);
}

/** "Alex Martin" → "AM", "sam" → "S"; "?" for a blank name. */
export function initials(name: string): string {
  const letters = name
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => [...word][0]!.toUpperCase());
  if (letters.length === 0) return '?';
  return letters.length === 1 ? letters[0]! : letters[0]! + letters[letters.length - 1]!;
}

/** "Also here: Alex, Sam and Kim" */
export function alsoHere(names: readonly string[]): string {
  if (names.length <= 1) return `Also here: ${names[0] ?? 'nobody'}`;
  return `Also here: ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * CSS marking, in the outline, the block each teammate is in: an outline in their
 * colour and their name after the row. Ids and names are escaped (a peer sent them);
 * with two teammates in one block the later one's mark wins. Empty when nobody is in a block.
 */
export function blockMarksStyle(teammates: readonly Pick<RemotePresence, 'user' | 'email'>[]): string {
  let css = '';
  for (const { user, email } of teammates) {
    if (!email?.blockId) continue;
    const row = `.ee-dialog .ee-outline__row[data-block-id=${cssString(email.blockId)}]`;
    const colour = cssColour(user.colour);
    css += `${row} {\n  outline: 2px solid ${colour};\n  outline-offset: 1px;\n  border-radius: 6px;\n}\n`;
    css += `${row}::after {\n  content: ${cssString(user.name)};\n  background: ${colour};\n}\n`;
  }
  return css;
}
