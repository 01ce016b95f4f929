import type * as Y from 'yjs';
import type { TextRun } from '../../../../shared/email/blocks';
import { applyEdit } from './applyEdit';
import { pointAt, readDomText } from './domText';
import { deltaToRuns, formatState, linkRange, typingFormats, type FormatState, type Formats } from './formats';
import { richHtml } from './richHtml';
import { diffText, transformOffset, type DeltaOp, type TextEdit } from './textDiff';

/** A selection as offsets into the text (start ≤ end). */
export interface TextRange {
  start: number;
  end: number;
}

export interface RichTextOptions {
  /** Transaction origin of this editor (its undo manager tracks it). */
  origin: unknown;
  editable: boolean;
  /** The formats at the selection changed (for the toolbar). */
  onState: (state: FormatState) => void;
  /** Undo or redo was asked for from inside the field (Edit menu, shortcuts). */
  onHistory: (action: 'undo' | 'redo') => void;
  /** Ctrl+K: the field wants the link form. */
  onLinkRequest: () => void;
  /** An edit was refused; the message says why. */
  onRefuse: (message: string) => void;
  /**
   * The block's text as the document holds it now. Moving a block replaces its Y.Text;
   * typing that reaches the old one goes to the new one instead of being lost.
   */
  resolve: () => Y.Text | null;
}

type Toggle = 'bold' | 'italic';

/**
 * Binds a contentEditable element to a text block's Y.Text. The browser edits the DOM;
 * after each input the field's text is diffed against what it showed and the minimal
 * edit goes into the Y.Text, so concurrent typing merges. Line breaks, pastes and
 * formatting never reach the DOM directly: they are written to the Y.Text and the
 * field is re-rendered from it (`richHtml`), keeping the caret where it was. Changes
 * from elsewhere (peers, undo) re-render with the caret moved past them; while an input
 * method is composing they are held back, so the composition is not broken.
 */
export class RichTextBinding {
  private shown = '';
  private composing = false;
  private readonly held: DeltaOp[][] = [];
  private pending: Partial<Record<Toggle, true | null>> = {};
  private pendingAt = -1;
  private last: TextRange | null = null;
  private writing = false;
  private readonly cleanups: (() => void)[] = [];

  private text: Y.Text;
  private readonly observer = (event: Y.YTextEvent) => this.onChange(event.delta as DeltaOp[]);

  constructor(
    private readonly el: HTMLElement,
    text: Y.Text,
    private readonly options: RichTextOptions,
  ) {
    this.text = text;
    el.contentEditable = options.editable ? 'true' : 'false';
    this.render(null);
    this.listen(el, 'beforeinput', (e) => this.onBeforeInput(e as InputEvent));
    this.listen(el, 'input', (e) => !(e as InputEvent).isComposing && !this.composing && this.sync());
    this.listen(el, 'compositionstart', () => (this.composing = true));
    this.listen(el, 'compositionend', () => {
      this.composing = false;
      this.sync();
    });
    this.listen(el, 'keydown', (e) => this.onKeyDown(e as KeyboardEvent));
    this.listen(el, 'drop', (e) => e.preventDefault());
    this.listen(document, 'selectionchange', () => this.onSelectionChange());
    text.observe(this.observer);
    this.cleanups.push(() => this.text.unobserve(this.observer));
  }

  dispose(): void {
    for (const cleanup of this.cleanups.splice(0)) cleanup();
  }

  /** The selection, or where it was when the field last had it. */
  selection(): TextRange | null {
    return this.readSelection() ?? this.last;
  }

  focus(range = this.last): void {
    this.el.focus();
    if (range) this.select(range);
  }

  /** Replaces the selection (or the last one) with `value` and puts the caret after it. */
  insertText(value: string): void {
    const range = this.selection() ?? { start: this.shown.length, end: this.shown.length };
    this.el.focus();
    this.write({ index: range.start, remove: range.end - range.start, insert: value }, range.start + value.length);
  }

  /** Bold or italic on the selection; with a caret, for the text typed next. */
  toggle(format: Toggle): void {
    const range = this.selection();
    if (!range || !this.options.editable) return;
    const state = this.state(range);
    if (range.start === range.end) {
      if (this.pendingAt !== range.start) this.pending = {};
      this.pending = { ...this.pending, [format]: state[format] ? null : true };
      this.pendingAt = range.start;
      this.options.onState(this.state(range));
      return;
    }
    this.format(range, { [format]: state[format] ? null : true });
  }

  /**
   * Links the selection to `href` (null removes it); a caret in a link edits that link,
   * a caret elsewhere inserts the address as linked text. Returns the range linked.
   */
  setLink(href: string | null, at: TextRange | null = this.selection()): TextRange | null {
    if (!at || !this.options.editable) return null;
    let range = at;
    if (range.start === range.end) {
      const current = this.state(range).href;
      const around = current ? linkRange(this.runs(), range.start, current) : null;
      if (around) range = around;
      else if (!href) return null;
      else {
        const formats: Formats = { ...typingFormats(this.runs(), range.start), link: { href } };
        this.write({ index: range.start, remove: 0, insert: href }, range.start + href.length, formats);
        return { start: range.start, end: range.start + href.length };
      }
    }
    this.format(range, { link: href ? { href } : null });
    return range;
  }

  private listen(target: EventTarget, type: string, handler: (e: Event) => void): void {
    target.addEventListener(type, handler);
    this.cleanups.push(() => target.removeEventListener(type, handler));
  }

  private runs(): TextRun[] {
    return deltaToRuns(this.text.toDelta() as { insert?: unknown; attributes?: unknown }[]);
  }

  private state(range: TextRange): FormatState {
    const state = formatState(this.runs(), range.start, range.end);
    if (range.start !== range.end || range.start !== this.pendingAt) return state;
    const pick = (format: Toggle) => (format in this.pending ? this.pending[format] === true : state[format]);
    return { ...state, bold: pick('bold'), italic: pick('italic') };
  }

  /** Re-renders from the Y.Text when the DOM differs, then restores `range` if focused. */
  private render(range: TextRange | null): void {
    const runs = this.runs();
    this.shown = runs.map((run) => run.insert).join('');
    const html = richHtml(runs);
    if (this.el.innerHTML !== html) this.el.innerHTML = html;
    if (range && document.activeElement === this.el) this.select(range);
    if (range) this.last = range;
  }

  private select(range: TextRange): void {
    const clamp = (n: number) => Math.max(0, Math.min(n, this.shown.length));
    const a = pointAt(this.el, clamp(range.start));
    const b = pointAt(this.el, clamp(range.end));
    document.getSelection()?.setBaseAndExtent(a.node as Node, a.offset, b.node as Node, b.offset);
  }

  private readSelection(): TextRange | null {
    const selection = document.getSelection();
    if (!selection?.anchorNode || !selection.focusNode) return null;
    if (!this.el.contains(selection.anchorNode) || !this.el.contains(selection.focusNode)) return null;
    const points = [
      { node: selection.anchorNode, offset: selection.anchorOffset },
      { node: selection.focusNode, offset: selection.focusOffset },
    ];
    const [a, b] = readDomText(this.el, points).offsets;
    if (a === null || b === null) return null;
    return { start: Math.min(a, b), end: Math.max(a, b) };
  }

  /** After the browser changed the DOM: write the difference, then normalise the DOM. */
  private sync(): void {
    const range = this.readSelection();
    const edit = diffText(this.shown, readDomText(this.el).text, range?.end);
    const held = this.held.splice(0);
    const moved = range && {
      start: held.reduce((at, d) => transformOffset(at, d), range.start),
      end: held.reduce((at, d) => transformOffset(at, d), range.end),
    };
    if (edit && !this.apply(edit, held)) return this.render(this.last);
    this.render(moved);
  }

  private write(edit: TextEdit, caret: number, formats?: Formats): void {
    if (this.apply(edit, [], formats)) this.render({ start: caret, end: caret });
  }

  /** Follows the block to its new Y.Text when it was moved (the old one left the document). */
  private follow(): void {
    if (this.text.doc) return;
    const next = this.options.resolve();
    if (!next || next === this.text) return;
    this.text.unobserve(this.observer);
    this.text = next;
    next.observe(this.observer);
  }

  private apply(edit: TextEdit, held: DeltaOp[][], formats?: Formats): boolean {
    this.follow();
    const typing = formats ?? { ...typingFormats(this.runs(), edit.index), ...this.pending };
    this.writing = true;
    try {
      const refused = applyEdit(this.text, edit, this.options.origin, typing, held);
      if (refused) this.options.onRefuse(refused);
      return refused === null;
    } finally {
      this.writing = false;
    }
  }

  private format(range: TextRange, attributes: Record<string, unknown>): void {
    const doc = this.text.doc;
    if (!doc) return;
    this.writing = true;
    try {
      doc.transact(() => this.text.format(range.start, range.end - range.start, attributes), this.options.origin);
    } finally {
      this.writing = false;
    }
    this.render(range);
    this.options.onState(this.state(range));
  }

  /** A change from elsewhere (a peer, undo): re-render with the caret moved past it. */
  private onChange(delta: DeltaOp[]): void {
    if (this.writing) return;
    if (this.composing) return void this.held.push(delta);
    const range = this.readSelection() ?? this.last;
    const moved = range && { start: transformOffset(range.start, delta), end: transformOffset(range.end, delta) };
    this.render(null);
    if (moved && document.activeElement === this.el) this.select(moved);
    this.last = moved;
  }

  private onBeforeInput(e: InputEvent): void {
    const type = e.inputType;
    if (!this.options.editable) return e.preventDefault();
    if (type === 'historyUndo' || type === 'historyRedo') {
      e.preventDefault();
      return this.options.onHistory(type === 'historyUndo' ? 'undo' : 'redo');
    }
    if (type === 'insertParagraph' || type === 'insertLineBreak') {
      e.preventDefault();
      return this.insertText('\n');
    }
    if (type === 'insertFromPaste' || type === 'insertFromDrop' || type === 'deleteByDrag') {
      e.preventDefault();
      const pasted = type === 'insertFromPaste' ? (e.dataTransfer?.getData('text/plain') ?? '') : '';
      if (pasted) this.insertText(pasted.replace(/\r\n?/g, '\n'));
      return;
    }
    if (type.startsWith('format')) {
      e.preventDefault();
      if (type === 'formatBold' || type === 'formatItalic') this.toggle(type === 'formatBold' ? 'bold' : 'italic');
    }
  }

  private onKeyDown(e: KeyboardEvent): void {
    if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || !this.options.editable) return;
    const key = e.key.toLowerCase();
    if (key !== 'b' && key !== 'i' && key !== 'k') return;
    e.preventDefault();
    if (key === 'k') this.options.onLinkRequest();
    else this.toggle(key === 'b' ? 'bold' : 'italic');
  }

  private onSelectionChange(): void {
    const range = this.readSelection();
    if (!range) return;
    if (range.start !== range.end || range.start !== this.pendingAt) this.pending = {};
    this.last = range;
    this.options.onState(this.state(range));
  }
}
