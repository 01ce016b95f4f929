import { parseFragment, type JourneyFragment } from '../../../shared/journey/ydoc';

/**
 * Copy and paste of journey fragments. The fragment goes to the system clipboard as
 * JSON (so it can be pasted into another window) and is kept in memory too, because
 * the system clipboard may refuse to be read (permissions, headless browsers).
 */

let lastCopied: string | null = null;

export async function writeFragment(fragment: JourneyFragment): Promise<void> {
  const text = JSON.stringify(fragment);
  lastCopied = text;
  try {
    await navigator.clipboard?.writeText(text);
  } catch {
    // Best effort: the in-memory copy still serves pastes in this window.
  }
}

function parseText(text: string | null | undefined): JourneyFragment | null {
  if (!text) return null;
  try {
    return parseFragment(JSON.parse(text));
  } catch {
    return null; // Not JSON: the clipboard holds something else, e.g. copied text.
  }
}

async function readSystemClipboard(timeoutMs: number): Promise<string | null> {
  if (!navigator.clipboard?.readText) return null;
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), timeoutMs));
  try {
    return await Promise.race([navigator.clipboard.readText(), timeout]);
  } catch {
    return null; // Reading was refused (no permission); fall back to the in-memory copy.
  }
}

/** The fragment to paste and its text (to count repeated pastes), or null. */
export async function readFragment(): Promise<{ fragment: JourneyFragment; text: string } | null> {
  const system = await readSystemClipboard(300);
  const fromSystem = parseText(system);
  if (fromSystem && system) return { fragment: fromSystem, text: system };
  const fromMemory = parseText(lastCopied);
  return fromMemory && lastCopied ? { fragment: fromMemory, text: lastCopied } : null;
}
