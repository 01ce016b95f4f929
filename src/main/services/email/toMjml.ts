import type {
  Block,
  HeadingBlock,
  ImageBlock,
  LeafBlock,
  Padding,
  TextBlock,
  TextRun,
} from '../../../shared/email/blocks';

/**
 * Builds the MJML source of an email from personalised, link-checked blocks. Every
 * piece of user text and every attribute value goes through {@link escapeHtml}, and
 * every style value comes from a schema-checked number or hex colour, so block content
 * can never become markup (or MJML tags such as mj-include / mj-raw).
 */

/** Body width in px: the desktop preview width. */
export const EMAIL_WIDTH = 600;

const TEXT_COLOR = '#1f2937';
const LINK_COLOR = '#2563eb';
const headingSizes = { 1: 28, 2: 22, 3: 18 } as const;

/** Escapes text for HTML content and double- or single-quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const attr = (name: string, value: string | number) => ` ${name}="${escapeHtml(String(value))}"`;
const pad = (p: Padding) => `${p.top}px ${p.right}px ${p.bottom}px ${p.left}px`;

/** Padding and background, which every leaf component takes the same way. */
function boxAttrs(block: LeafBlock): string {
  return (
    attr('padding', pad(block.padding)) + (block.background ? attr('container-background-color', block.background) : '')
  );
}

function runHtml(run: TextRun, text: string): string {
  let html = escapeHtml(text);
  if (run.attributes?.bold) html = `<strong>${html}</strong>`;
  if (run.attributes?.italic) html = `<em>${html}</em>`;
  const href = run.attributes?.link?.href;
  if (href) html = `<a href="${escapeHtml(href)}" style="color:${LINK_COLOR};text-decoration:underline;">${html}</a>`;
  return html;
}

/** Rich text as one HTML string per line ('\n' in the text starts a new line). */
export function runsToLines(runs: readonly TextRun[]): string[] {
  const lines: string[] = [''];
  for (const run of runs) {
    run.insert.split('\n').forEach((piece, i) => {
      if (i > 0) lines.push('');
      if (piece) lines[lines.length - 1] += runHtml(run, piece);
    });
  }
  return lines;
}

function textContent(block: TextBlock): string {
  const lines = runsToLines(block.text);
  if (block.list === 'none') {
    while (lines.length > 1 && lines[lines.length - 1] === '') lines.pop(); // the editor's final newline
    return lines.map((line) => line || '&nbsp;').join('<br />');
  }
  const tag = block.list === 'bullet' ? 'ul' : 'ol';
  const items = lines.filter((line) => line !== '').map((line) => `<li style="margin:0 0 4px;">${line}</li>`);
  return `<${tag} style="margin:0;padding-left:24px;">${items.join('')}</${tag}>`;
}

function heading(block: HeadingBlock): string {
  const size = headingSizes[block.level];
  const text = block.text.split('\n').map(escapeHtml).join('<br />');
  const style = `margin:0;font-size:${size}px;line-height:1.25;font-weight:700;color:${TEXT_COLOR};`;
  return `<mj-text${attr('align', block.align)}${boxAttrs(block)}><h${block.level} style="${style}">${text}</h${block.level}></mj-text>`;
}

function image(block: ImageBlock, src: string | undefined, columnWidth: number): string {
  if (!src) {
    const label = escapeHtml(block.alt.trim() || 'Image unavailable');
    const style =
      'border:1px dashed #a1a1aa;background:#f4f4f5;color:#52525b;padding:24px;font-size:13px;text-align:center;';
    return `<mj-text${attr('align', block.align)}${boxAttrs(block)}><div style="${style}">${label}</div></mj-text>`;
  }
  const inner = columnWidth - block.padding.left - block.padding.right;
  const width = Math.max(1, Math.round((Math.max(inner, 1) * block.width) / 100));
  const link = block.href ? attr('href', block.href) : '';
  return `<mj-image${attr('src', src)}${attr('alt', block.alt)}${attr('width', `${width}px`)}${attr('align', block.align)}${link}${boxAttrs(block)} />`;
}

function leaf(block: LeafBlock, images: ReadonlyMap<string, string>, columnWidth: number): string {
  switch (block.kind) {
    case 'heading':
      return heading(block);
    case 'text':
      return `<mj-text${attr('align', block.align)}${attr('color', TEXT_COLOR)}${boxAttrs(block)}>${textContent(block)}</mj-text>`;
    case 'image':
      return image(block, images.get(block.id), columnWidth);
    case 'button': {
      const link = block.href ? attr('href', block.href) : '';
      const look =
        attr('background-color', block.background) +
        attr('color', block.color) +
        attr('border-radius', `${block.radius}px`);
      const box = attr('align', block.align) + attr('padding', pad(block.padding)) + attr('inner-padding', '12px 24px');
      return `<mj-button${link}${look}${box} font-weight="600" font-size="16px">${escapeHtml(block.label)}</mj-button>`;
    }
    case 'divider':
      return `<mj-divider${attr('border-color', block.color)}${attr('border-width', `${block.thickness}px`)}${boxAttrs(block)} />`;
    case 'spacer':
      return `<mj-spacer${attr('height', `${block.height}px`)}${boxAttrs(block)} />`;
  }
}

function row(block: Extract<Block, { kind: 'columns' }>, images: ReadonlyMap<string, string>): string {
  const width = EMAIL_WIDTH / block.columns.length;
  const columns = block.columns.map(
    (column) => `<mj-column>${column.map((b) => leaf(b, images, width)).join('')}</mj-column>`,
  );
  const background = block.background ? attr('background-color', block.background) : '';
  return `<mj-section${attr('padding', pad(block.padding))}${background}>${columns.join('')}</mj-section>`;
}

/**
 * One section per row of columns, and one shared full-width section for each run of
 * other blocks between them: MJML's cost grows with sections (each is a nest of
 * tables), and a block's own background needs no section of its own.
 */
function sections(blocks: readonly Block[], images: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length > 0) out.push(`<mj-section padding="0"><mj-column>${run.join('')}</mj-column></mj-section>`);
    run = [];
  };
  for (const block of blocks) {
    if (block.kind !== 'columns') run.push(leaf(block, images, EMAIL_WIDTH));
    else {
      flush();
      out.push(row(block, images));
    }
  }
  flush();
  return out;
}

/** What goes into one MJML document. */
export interface MjmlParts {
  subject: string;
  preheader: string;
  blocks: readonly Block[];
  /** Image data URLs by block id; an image block without one renders as a placeholder. */
  images: ReadonlyMap<string, string>;
}

/** The MJML source of the email: title, preview text, then one section per block. */
export function toMjml(parts: MjmlParts): string {
  const head = [
    `<mj-title>${escapeHtml(parts.subject)}</mj-title>`,
    parts.preheader ? `<mj-preview>${escapeHtml(parts.preheader)}</mj-preview>` : '',
    `<mj-attributes><mj-all font-family="Helvetica, Arial, sans-serif" /><mj-text font-size="16px" line-height="1.5" /></mj-attributes>`,
  ].join('');
  const body = sections(parts.blocks, parts.images).join('\n');
  return `<mjml><mj-head>${head}</mj-head><mj-body${attr('width', `${EMAIL_WIDTH}px`)} background-color="#ffffff">${body}</mj-body></mjml>`;
}
