/**
 * Reading the text an editable field shows, as the '\n'-separated string its Y.Text
 * holds, and where points of the DOM (the selection) fall in it. The field renders one
 * block per line (`richHtml.ts`), but between renders the browser edits the DOM as it
 * likes (merged lines, bare text at the top, <br> placeholders), so any mix of blocks,
 * inline elements, text and <br> is read the way it is displayed.
 *
 * Written against the few DOM members it uses, so tests can pass plain objects.
 */

/** The part of a DOM node this module reads. */
export interface DomLike {
  nodeType: number;
  nodeName: string;
  nodeValue: string | null;
  childNodes: ArrayLike<DomLike>;
  parentNode: DomLike | null;
  nextSibling: DomLike | null;
}

/** A DOM position: a text node and a character offset, or an element and a child index. */
export interface DomPoint {
  node: DomLike;
  offset: number;
}

const TEXT = 3;
const ELEMENT = 1;
const blockNames = new Set(['DIV', 'P', 'LI', 'UL', 'OL', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE']);

const isBlock = (node: DomLike) => node.nodeType === ELEMENT && blockNames.has(node.nodeName);

/** True when nothing visible follows `node` on its line: a <br> there only keeps the line open. */
function endsItsLine(node: DomLike, root: DomLike): boolean {
  for (let at: DomLike | null = node; at && at !== root; at = at.parentNode) {
    if (at !== node && isBlock(at)) return true;
    for (let next = at.nextSibling; next; next = next.nextSibling) {
      if (isBlock(next)) return true;
      if (hasContent(next)) return false;
    }
  }
  return true;
}

function hasContent(node: DomLike): boolean {
  if (node.nodeType === TEXT) return (node.nodeValue ?? '') !== '';
  if (node.nodeName === 'BR') return true;
  return Array.from(node.childNodes).some(hasContent);
}

class Reader {
  text = '';
  private breakPending = false;
  private lineHasContent = false;
  readonly offsets: (number | null)[];

  constructor(
    private readonly root: DomLike,
    private readonly points: readonly DomPoint[],
  ) {
    this.offsets = points.map(() => null);
  }

  /** Records the offset of each point at `node` for which `offset` gives one. */
  private mark(node: DomLike, offset: (p: DomPoint) => number | null): void {
    this.points.forEach((point, i) => {
      if (point.node !== node || this.offsets[i] !== null) return;
      this.offsets[i] = offset(point);
    });
  }

  private startLine(): void {
    if (this.breakPending) this.text += '\n';
    this.breakPending = false;
  }

  private visitText(node: DomLike): void {
    const value = (node.nodeValue ?? '').replace(/\u00a0/g, ' ');
    if (value) this.startLine();
    const base = this.text.length + (this.breakPending ? 1 : 0);
    this.mark(node, (p) => base + Math.min(Math.max(0, p.offset), value.length));
    if (!value) return;
    this.text += value;
    this.lineHasContent = true;
  }

  private visitBreak(node: DomLike): void {
    if (endsItsLine(node, this.root)) return; // a placeholder keeping an empty line open
    this.startLine();
    this.text += '\n';
    this.lineHasContent = false;
  }

  private visitBlock(node: DomLike): void {
    if (this.breakPending || this.lineHasContent) this.text += '\n';
    this.breakPending = false;
    this.lineHasContent = false;
    this.visitChildren(node);
    this.breakPending = true;
    this.lineHasContent = false;
  }

  visitChildren(node: DomLike): void {
    const children = Array.from(node.childNodes);
    children.forEach((child, index) => {
      const bump = this.breakPending && !isBlock(child) ? 1 : 0;
      this.mark(node, (p) => (p.offset === index ? this.text.length + bump : null));
      if (child.nodeType === TEXT) this.visitText(child);
      else if (child.nodeName === 'BR') this.visitBreak(child);
      else if (isBlock(child)) this.visitBlock(child);
      else if (child.nodeType === ELEMENT) this.visitChildren(child);
    });
    this.mark(node, (p) => (p.offset >= children.length ? this.text.length : null));
  }
}

/**
 * The text under `root` and the offset of each of `points` in it (null for a point not
 * under `root`). Non-breaking spaces read as spaces.
 */
export function readDomText(
  root: DomLike,
  points: readonly DomPoint[] = [],
): { text: string; offsets: (number | null)[] } {
  const reader = new Reader(root, points);
  reader.visitChildren(root);
  return { text: reader.text, offsets: reader.offsets };
}

function textNodes(node: DomLike, out: DomLike[] = []): DomLike[] {
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === TEXT) out.push(child);
    else textNodes(child, out);
  }
  return out;
}

/**
 * The DOM point at text `offset` in a field rendered by `richHtml` (one child per
 * line). At a boundary between two text nodes the earlier one is chosen.
 */
export function pointAt(root: DomLike, offset: number): DomPoint {
  const lines = Array.from(root.childNodes);
  let at = 0;
  for (let i = 0; i < lines.length; i++) {
    const texts = textNodes(lines[i]);
    const length = texts.reduce((sum, node) => sum + (node.nodeValue ?? '').length, 0);
    if (offset <= at + length || i === lines.length - 1) {
      let rest = Math.max(0, Math.min(offset - at, length));
      for (const node of texts) {
        const size = (node.nodeValue ?? '').length;
        if (rest <= size) return { node, offset: rest };
        rest -= size;
      }
      return { node: lines[i], offset: 0 };
    }
    at += length + 1;
  }
  return { node: root, offset: 0 };
}
