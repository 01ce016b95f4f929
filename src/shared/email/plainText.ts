import { safeHref, type Block, type EmailContent, type LeafBlock, type TextRun } from './blocks';

/**
 * The plain-text part of an email, for clients that show no HTML and for spam filters
 * that compare both parts. Works on content that is already personalised.
 */

const DIVIDER = '-'.repeat(40);
const MAX_UNDERLINE = 78;

/** "label (url)", or just the url when the label is the url; unsafe addresses are left out. */
function linked(label: string, href: string | undefined): string {
  const url = href ? safeHref(href) : null;
  if (!url) return label;
  const bare = url.replace(/^mailto:/i, '');
  if (!label.trim() || label.trim() === url || label.trim() === bare) return bare;
  return `${label} (${bare})`;
}

/** The text of a rich text block, runs of one link joined first so bold words stay inside it. */
export function runsToPlain(runs: readonly TextRun[]): string {
  let out = '';
  let label = '';
  let href: string | undefined;
  const flush = () => {
    if (label) out += href ? linked(label, href) : label;
    label = '';
  };
  for (const run of runs) {
    const next = run.attributes?.link?.href;
    if (next !== href) {
      flush();
      href = next;
    }
    label += run.insert;
  }
  flush();
  return out;
}

function listLines(text: string, list: 'none' | 'bullet' | 'number'): string {
  const lines = text.split('\n').map((line) => line.trimEnd());
  if (list === 'none') return lines.join('\n').trim();
  const items = lines.filter((line) => line.trim() !== '');
  return items.map((line, i) => `${list === 'bullet' ? '•' : `${i + 1}.`} ${line.trim()}`).join('\n');
}

function heading(text: string, level: number): string {
  const lines = text
    .toUpperCase()
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  if (lines.length === 0) return '';
  const width = Math.min(MAX_UNDERLINE, Math.max(...lines.map((line) => line.length)));
  return `${lines.join('\n')}\n${(level === 1 ? '=' : '-').repeat(width)}`;
}

function leafToPlain(block: LeafBlock): string {
  switch (block.kind) {
    case 'heading':
      return heading(block.text, block.level);
    case 'text':
      return listLines(runsToPlain(block.text), block.list);
    case 'image':
      return block.alt.trim() ? linked(`[${block.alt.trim()}]`, block.href) : '';
    case 'button': {
      const url = safeHref(block.href);
      return url ? `${block.label}: ${url.replace(/^mailto:/i, '')}` : block.label;
    }
    case 'divider':
      return DIVIDER;
    case 'spacer':
      return '';
  }
}

function blockToPlain(block: Block): string[] {
  if (block.kind !== 'columns') return [leafToPlain(block)];
  return block.columns.flat().map(leafToPlain);
}

/**
 * The plain-text part: headings uppercased and underlined, links as "label (url)",
 * lists with bullets or numbers, buttons as "label: url", images as their alt text,
 * columns one after another. Blocks are separated by a blank line.
 */
export function plainText(content: Pick<EmailContent, 'blocks'>): string {
  const parts = content.blocks.flatMap(blockToPlain).filter((part) => part.trim() !== '');
  if (parts.length === 0) return '';
  return `${parts.join('\n\n')}\n`.replace(/\n{3,}/g, '\n\n');
}
