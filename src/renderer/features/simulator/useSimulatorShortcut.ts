import { useWindowShortcut } from '../../app/useWindowShortcut';

/** Whether a key press is the simulator's toggle: Ctrl+Shift+S (⇧⌘S on macOS). */
export function isSimulatorShortcut(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>) {
  return (e.ctrlKey || e.metaKey) && e.shiftKey && !e.altKey && e.key.toLowerCase() === 's';
}

/** The toggle's shortcut as button titles show it on this platform. */
export function simulatorShortcutHint(mac = isMacPlatform()): string {
  return mac ? '⇧⌘S' : 'Ctrl+Shift+S';
}

/** The toggle's shortcut for `aria-keyshortcuts`. */
export const simulatorKeyShortcuts = 'Control+Shift+S Meta+Shift+S';

/** True on macOS, where Cmd is the modifier shown in hints. */
export function isMacPlatform(): boolean {
  return typeof navigator !== 'undefined' && /mac|iphone|ipad/i.test(navigator.platform);
}

/** Calls `onToggle` when the simulator's shortcut is pressed anywhere in the window. */
export function useSimulatorShortcut(onToggle: () => void): void {
  useWindowShortcut(isSimulatorShortcut, onToggle);
}
