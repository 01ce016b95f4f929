import { useCallback, useState } from 'react';
import { useVersionsShortcut } from './versionsShortcut';

/** Whether the versions panel is open; its keyboard shortcut toggles it. */
export function useVersionsPanel() {
  const [open, setOpen] = useState(false);
  const toggle = useCallback(() => setOpen((on) => !on), []);
  const close = useCallback(() => setOpen(false), []);
  useVersionsShortcut(toggle);
  return { open, toggle, close };
}
