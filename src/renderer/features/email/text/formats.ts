import type { TextRun } from '../../../../shared/email/blocks';

/**
 * Formats of rich text at a position or over a range, for the toolbar's pressed state
 * and for text typed next to existing formatting.
 */

/** The formats a text block offers; null means "not set" (Y.Text removes the attribute). */
export interface Formats {
  bold: true | null;
  italic: true | null;
  link: { href: string } | null;
}

/** What the toolbar shows for the current selection. */
export interface FormatState {
  bold: boolean;
  italic: boolean;
  /** The link under the caret or shared by the whole selection. */
  href: string | null;
}

export const NO_FORMATS: Formats = { bold: null, italic: null, link: null };

function formatsOf(run: TextRun | undefined): Formats {
  return {
    bold: run?.attributes?.bold === true ? true : null,
    italic: run?.attributes?.italic === true ? true : null,
    link: run?.attributes?.link ? { href: run.attributes.link.href } : null,
  };
}

/** The run holding the character at `index` (0-based), if any. */
function runAt(runs: readonly TextRun[], index: number): TextRun | undefined {
  let at = 0;
  for (const run of runs) {
    if (index < at + run.insert.length) return run;
    at += run.insert.length;
  }
  return undefined;
}

/**
 * The formats for text typed at `index`: those of the character before it, except that
 * a link is not extended past its end and nothing carries over a line break.
 */
export function typingFormats(runs: readonly TextRun[], index: number): Formats {
  if (index === 0) return NO_FORMATS;
  const before = runAt(runs, index - 1);
  if (!before || before.insert.endsWith('\n')) return NO_FORMATS;
  const formats = formatsOf(before);
  const after = runAt(runs, index);
  if (formats.link && after?.attributes?.link?.href !== formats.link.href) formats.link = null;
  return formats;
}

/** Every run overlapping [start, end), clipped: what a selection covers. */
function covered(runs: readonly TextRun[], start: number, end: number): TextRun[] {
  const out: TextRun[] = [];
  let at = 0;
  for (const run of runs) {
    const from = Math.max(start, at);
    const to = Math.min(end, at + run.insert.length);
    const text = run.insert.slice(from - at, to - at).replace(/\n/g, '');
    if (to > from && text) out.push({ ...run, insert: text });
    at += run.insert.length;
  }
  return out;
}

/** Pressed state for a selection: a format is on when all of it has the format. */
export function formatState(runs: readonly TextRun[], start: number, end: number): FormatState {
  if (start === end) {
    const typing = typingFormats(runs, start);
    // A caret touching a link (inside or at either edge) can edit it.
    const before = start > 0 ? runAt(runs, start - 1)?.attributes?.link?.href : undefined;
    const href = before ?? runAt(runs, start)?.attributes?.link?.href ?? null;
    return { bold: typing.bold === true, italic: typing.italic === true, href };
  }
  const runsIn = covered(runs, start, end);
  const all = (test: (run: TextRun) => boolean) => runsIn.length > 0 && runsIn.every(test);
  const first = runsIn[0]?.attributes?.link?.href ?? null;
  return {
    bold: all((run) => run.attributes?.bold === true),
    italic: all((run) => run.attributes?.italic === true),
    href: first !== null && all((run) => run.attributes?.link?.href === first) ? first : null,
  };
}

/** The range of the link around `index` (caret inside or at either edge), or null. */
export function linkRange(
  runs: readonly TextRun[],
  index: number,
  href: string,
): { start: number; end: number } | null {
  let at = 0;
  let start: number | null = null;
  for (const run of runs) {
    const end = at + run.insert.length;
    if (run.attributes?.link?.href === href) {
      start ??= at;
      if (index >= start && index <= end) {
        let stop = end;
        for (const next of runs.slice(runs.indexOf(run) + 1)) {
          if (next.attributes?.link?.href !== href) break;
          stop += next.insert.length;
        }
        return { start, end: stop };
      }
    } else start = null;
    at = end;
  }
  return null;
}

/** Stands for an embedded object in the text, so offsets stay those of the Y.Text. */
export const EMBED_CHAR = '\ufffc';

/**
 * A Y.Text delta as runs with only the formats the editor offers. Unlike the shared
 * reader it keeps every position: an embed a peer added reads as {@link EMBED_CHAR}.
 */
export function deltaToRuns(delta: readonly { insert?: unknown; attributes?: unknown }[]): TextRun[] {
  return delta.map((op) => {
    if (typeof op.insert !== 'string') return { insert: EMBED_CHAR };
    const raw = (op.attributes ?? {}) as { bold?: unknown; italic?: unknown; link?: { href?: unknown } | null };
    const attributes: NonNullable<TextRun['attributes']> = {};
    if (raw.bold === true) attributes.bold = true;
    if (raw.italic === true) attributes.italic = true;
    if (typeof raw.link?.href === 'string') attributes.link = { href: raw.link.href };
    return Object.keys(attributes).length > 0 ? { insert: op.insert, attributes } : { insert: op.insert };
  });
}
