import { useWindowShortcut } from '../../app/useWindowShortcut';

type Press = Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>;

/**
 * Whether a key press is the versions panel's toggle: Ctrl+Alt+V (⌥⌘V on macOS). The
 * canvas's own shortcuts ignore presses with Alt, so this never clashes with paste.
 */
export function isVersionsShortcut(e: Press): boolean {
  return (e.ctrlKey || e.metaKey) && e.altKey && !e.shiftKey && (e.code === 'KeyV' || e.key.toLowerCase() === 'v');
}

/** The toggle's shortcut for `aria-keyshortcuts`. */
export const versionsKeyShortcuts = 'Control+Alt+V Meta+Alt+V';

/** The toggle's shortcut as button titles show it on this platform. */
export function versionsShortcutHint(): string {
  const mac = typeof navigator !== 'undefined' && /mac|iphone|ipad/i.test(navigator.platform);
  return mac ? '⌥⌘V' : 'Ctrl+Alt+V';
}

function isTyping(target: EventTarget | null): boolean {
  const el = target as { tagName?: unknown; isContentEditable?: unknown } | null;
  if (!el || typeof el.tagName !== 'string') return false;
  return el.isContentEditable === true || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName.toUpperCase());
}

/**
 * Calls `onToggle` when the shortcut is pressed anywhere in the window, except while
 * typing (where Ctrl+Alt is AltGr on many keyboards and types a character).
 */
export function useVersionsShortcut(onToggle: () => void): void {
  useWindowShortcut((e) => isVersionsShortcut(e) && !isTyping(e.target), onToggle);
}
