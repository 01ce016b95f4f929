import { useWindowShortcut } from '../../app/useWindowShortcut';

type Press = Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>;

/**
 * Whether a key press toggles the agents panel: Ctrl+Alt+G (⌥⌘G on macOS). Free among
 * the app's shortcuts (Ctrl+Alt+S sync, +V versions, +N next step; Ctrl+Shift+S simulate).
 */
export function isAgentsShortcut(e: Press): boolean {
  return (e.ctrlKey || e.metaKey) && e.altKey && !e.shiftKey && (e.code === 'KeyG' || e.key.toLowerCase() === 'g');
}

/** The toggle's shortcut for `aria-keyshortcuts`. */
export const agentsKeyShortcuts = 'Control+Alt+G Meta+Alt+G';

/** The toggle's shortcut as button titles show it on this platform. */
export function agentsShortcutHint(): string {
  const mac = typeof navigator !== 'undefined' && /mac|iphone|ipad/i.test(navigator.platform);
  return mac ? '⌥⌘G' : 'Ctrl+Alt+G';
}

function isTyping(target: EventTarget | null): boolean {
  const el = target as { tagName?: unknown; isContentEditable?: unknown } | null;
  if (!el || typeof el.tagName !== 'string') return false;
  return el.isContentEditable === true || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName.toUpperCase());
}

/** Calls `onToggle` when the shortcut is pressed anywhere in the window, except while typing (AltGr). */
export function useAgentsShortcut(onToggle: () => void): void {
  useWindowShortcut((e) => isAgentsShortcut(e) && !isTyping(e.target), onToggle);
}
