import type { TextRun } from '../../../../shared/email/blocks';

/**
 * A text block's runs as the HTML its editable field shows: one `div.ee-line` per line
 * ('\n'-separated), bold as <strong>, italic as <em>, a link as a span with the address
 * in its title (not an <a>: a click in the editor must not navigate). The output is
 * what Chromium's `innerHTML` gives back for the same DOM, so comparing the two tells
 * whether the field needs re-rendering after the browser edited it.
 */

/** One piece of a line with the same formats. */
export interface Segment {
  text: string;
  bold: boolean;
  italic: boolean;
  href: string | null;
}

/** The runs split at line breaks; an empty text is one empty line. */
export function runsToLines(runs: readonly TextRun[]): Segment[][] {
  const lines: Segment[][] = [[]];
  for (const run of runs) {
    const format = {
      bold: run.attributes?.bold === true,
      italic: run.attributes?.italic === true,
      href: run.attributes?.link?.href ?? null,
    };
    run.insert.split('\n').forEach((part, i) => {
      if (i > 0) lines.push([]);
      if (part) lines[lines.length - 1].push({ text: part, ...format });
    });
  }
  return lines;
}

const textEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\u00a0': '&nbsp;' };
const attrEscapes: Record<string, string> = { ...textEscapes, '"': '&quot;' };

export function escapeText(text: string): string {
  return text.replace(/[&<>\u00a0]/g, (c) => textEscapes[c]);
}

export function escapeAttribute(text: string): string {
  return text.replace(/[&<>"\u00a0]/g, (c) => attrEscapes[c]);
}

function segmentHtml(segment: Segment): string {
  let html = escapeText(segment.text);
  if (segment.italic) html = `<em>${html}</em>`;
  if (segment.bold) html = `<strong>${html}</strong>`;
  if (segment.href !== null) html = `<span class="ee-link" title="${escapeAttribute(segment.href)}">${html}</span>`;
  return html;
}

/** The HTML of the editable field for `runs`. */
export function richHtml(runs: readonly TextRun[]): string {
  return runsToLines(runs)
    .map((line) => `<div class="ee-line">${line.length === 0 ? '<br>' : line.map(segmentHtml).join('')}</div>`)
    .join('');
}
