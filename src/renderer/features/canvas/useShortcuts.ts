import { useEffect, useRef, type RefObject } from 'react';
import { isTypingTarget, matchShortcut, type ShortcutAction } from './shortcuts';

export type ShortcutHandlers = Partial<Record<ShortcutAction, () => void>>;

/**
 * Runs `handlers` for the canvas shortcuts when focus is inside `root` (or nowhere in
 * particular, e.g. after clicking the empty canvas). Keys typed into inputs keep their
 * meaning; a shortcut with a handler prevents the browser's default.
 */
export function useShortcuts(root: RefObject<HTMLElement | null>, handlers: ShortcutHandlers): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || isTypingTarget(event.target)) return;
      const target = event.target as Node | null;
      const inside = target === document.body || (target !== null && !!root.current?.contains(target));
      if (!inside) return;
      const action = matchShortcut(event);
      const handler = action ? latest.current[action] : undefined;
      if (!handler) return;
      event.preventDefault();
      handler();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [root]);
}
