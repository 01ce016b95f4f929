/**
 * The canvas's keyboard shortcuts, as pure functions so they can be tested without a
 * DOM. Ctrl and Cmd are interchangeable (Cmd on macOS, Ctrl elsewhere, both accepted).
 */

export type ShortcutAction =
  'undo' | 'redo' | 'copy' | 'cut' | 'paste' | 'delete' | 'selectAll' | 'clearSelection' | 'layout' | 'fitView';

/** The parts of a KeyboardEvent the matcher reads. */
export interface KeyPress {
  key: string;
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

const withMod: Record<string, ShortcutAction> = { c: 'copy', x: 'cut', v: 'paste', a: 'selectAll', y: 'redo' };

/** The action `press` triggers, or null. */
export function matchShortcut(press: KeyPress): ShortcutAction | null {
  if (press.altKey) return null;
  const key = press.key.toLowerCase();
  const mod = press.ctrlKey || press.metaKey;
  if (mod) {
    if (key === 'z') return press.shiftKey ? 'redo' : 'undo';
    return press.shiftKey ? null : (withMod[key] ?? null);
  }
  if (key === 'delete' || key === 'backspace') return press.shiftKey ? null : 'delete';
  if (key === 'escape') return 'clearSelection';
  if (press.shiftKey && key === 'l') return 'layout';
  if (press.shiftKey && (press.code === 'Digit1' || key === '!' || key === '1')) return 'fitView';
  return null;
}

/** What the shortcut of `action` is called, for button titles. */
export function shortcutHint(action: ShortcutAction, mac: boolean): string {
  const mod = mac ? '⌘' : 'Ctrl+';
  const hints: Record<ShortcutAction, string> = {
    undo: `${mod}Z`,
    redo: mac ? '⇧⌘Z' : 'Ctrl+Shift+Z or Ctrl+Y',
    copy: `${mod}C`,
    cut: `${mod}X`,
    paste: `${mod}V`,
    delete: 'Delete',
    selectAll: `${mod}A`,
    clearSelection: 'Esc',
    layout: 'Shift+L',
    fitView: 'Shift+1',
  };
  return hints[action];
}

/** Whether `target` takes text or choices, where keys must keep their usual meaning. */
export function isTypingTarget(target: EventTarget | null): boolean {
  const el = target as { tagName?: unknown; isContentEditable?: unknown } | null;
  if (!el || typeof el.tagName !== 'string') return false;
  if (el.isContentEditable === true) return true;
  return ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName.toUpperCase());
}

/** True on macOS, where Cmd is the modifier shown in hints. */
export function isMac(platform: string): boolean {
  return /mac|iphone|ipad/i.test(platform);
}
