type Press = Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>;

/** Ctrl+Alt+M (⌘⌥M on a Mac) opens and closes the mesh view; by key code too, since ⌥ changes the key. */
export function isMeshShortcut(e: Press): boolean {
  return (e.ctrlKey || e.metaKey) && e.altKey && !e.shiftKey && (e.code === 'KeyM' || e.key.toLowerCase() === 'm');
}
