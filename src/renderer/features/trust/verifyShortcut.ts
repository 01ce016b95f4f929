type Press = Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey' | 'target'>;

/**
 * Whether a key press opens the verify screen: Ctrl+Shift+V (⇧⌘V on macOS), except while
 * typing, where it keeps its usual meaning (paste as plain text). Alt must be up, so the
 * versions panel's Ctrl+Alt+V stays its own.
 */
export function isVerifyShortcut(e: Press): boolean {
  if (!(e.ctrlKey || e.metaKey) || !e.shiftKey || e.altKey) return false;
  if (!(e.code === 'KeyV' || e.key.toLowerCase() === 'v')) return false;
  const el = e.target as { tagName?: unknown; isContentEditable?: unknown } | null;
  if (el && typeof el.tagName === 'string') {
    if (el.isContentEditable === true || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName.toUpperCase()))
      return false;
  }
  return true;
}

/** The shortcut for `aria-keyshortcuts`. */
export const verifyKeyShortcuts = 'Control+Shift+V Meta+Shift+V';

/** The shortcut as button titles show it on this platform. */
export function verifyShortcutHint(): string {
  const mac = typeof navigator !== 'undefined' && /mac|iphone|ipad/i.test(navigator.platform);
  return mac ? '⇧⌘V' : 'Ctrl+Shift+V';
}
