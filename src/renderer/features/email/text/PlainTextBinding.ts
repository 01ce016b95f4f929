import type * as Y from 'yjs';
import { applyEdit } from './applyEdit';
import { diffText, transformOffset, type DeltaOp, type TextEdit } from './textDiff';

export interface PlainTextOptions {
  origin: unknown;
  editable: boolean;
  onHistory: (action: 'undo' | 'redo') => void;
  onRefuse: (message: string) => void;
  /** The text as the document holds it now (moving a block replaces its Y.Text). */
  resolve: () => Y.Text | null;
}

/**
 * Binds a textarea (or input) to a Y.Text as plain text: each input becomes the minimal
 * edit of the shared text; changes from elsewhere update the value with the caret moved
 * past them, held back while an input method is composing.
 */
export class PlainTextBinding {
  private shown: string;
  private composing = false;
  private readonly held: DeltaOp[][] = [];
  private writing = false;
  private readonly cleanups: (() => void)[] = [];
  private text: Y.Text;
  private readonly observer = (event: Y.YTextEvent) => this.onChange(event.delta as DeltaOp[]);

  constructor(
    private readonly el: HTMLTextAreaElement | HTMLInputElement,
    text: Y.Text,
    private readonly options: PlainTextOptions,
  ) {
    this.text = text;
    this.shown = text.toString();
    if (el.value !== this.shown) {
      // Re-bound to a moved block's new text: keep the caret where it was.
      const { selectionStart, selectionEnd } = el;
      el.value = this.shown;
      if (document.activeElement === el) el.setSelectionRange(selectionStart, selectionEnd);
    }
    el.readOnly = !options.editable;
    this.listen('input', () => this.sync());
    this.listen('compositionstart', () => (this.composing = true));
    this.listen('compositionend', () => {
      this.composing = false;
      this.sync();
    });
    this.listen('beforeinput', (e) => {
      const type = (e as InputEvent).inputType;
      if (type !== 'historyUndo' && type !== 'historyRedo') return;
      e.preventDefault();
      options.onHistory(type === 'historyUndo' ? 'undo' : 'redo');
    });
    text.observe(this.observer);
    this.cleanups.push(() => this.text.unobserve(this.observer));
  }

  dispose(): void {
    for (const cleanup of this.cleanups.splice(0)) cleanup();
  }

  /** Replaces the selection with `value` (the personalisation picker) and focuses the field. */
  insertText(value: string): void {
    const start = this.el.selectionStart ?? this.el.value.length;
    const end = this.el.selectionEnd ?? start;
    this.el.focus();
    this.el.setRangeText(value, start, end, 'end');
    this.sync();
  }

  private listen(type: string, handler: (e: Event) => void): void {
    this.el.addEventListener(type, handler);
    this.cleanups.push(() => this.el.removeEventListener(type, handler));
  }

  /** Writes what changed in the field; out of a composition, also shows what arrived meanwhile. */
  private sync(): void {
    const edit = diffText(this.shown, this.el.value, this.el.selectionEnd ?? undefined);
    const refused = edit && this.write(edit);
    if (refused) {
      this.options.onRefuse(refused);
      this.held.length = 0;
      return this.show([]);
    }
    this.shown = this.el.value;
    if (this.composing) return;
    const held = this.held.splice(0);
    if (held.length > 0 || this.el.value !== this.text.toString()) this.show(held);
  }

  private write(edit: TextEdit): string | null {
    if (!this.text.doc) {
      // The block was moved: its text now lives in a new Y.Text.
      const next = this.options.resolve();
      if (next && next !== this.text) {
        this.text.unobserve(this.observer);
        this.text = next;
        next.observe(this.observer);
      }
    }
    this.writing = true;
    try {
      return applyEdit(this.text, edit, this.options.origin, undefined, this.held);
    } finally {
      this.writing = false;
    }
  }

  private onChange(delta: DeltaOp[]): void {
    if (this.writing) return;
    if (this.composing) return void this.held.push(delta);
    this.show([delta]);
  }

  private show(deltas: DeltaOp[][]): void {
    const { selectionStart, selectionEnd } = this.el;
    const move = (at: number | null) => deltas.reduce((offset, d) => transformOffset(offset, d), at ?? 0);
    this.shown = this.text.toString();
    if (this.el.value === this.shown) return;
    this.el.value = this.shown;
    if (document.activeElement === this.el) this.el.setSelectionRange(move(selectionStart), move(selectionEnd));
  }
}
