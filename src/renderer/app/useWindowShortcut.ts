import { useEffect, useRef } from 'react';

/**
 * Calls `onPress` when a key press anywhere in the window `matches` (held-down repeats
 * ignored), and keeps the browser from acting on it. The listener is added once; the
 * latest `matches` and `onPress` are used, so callers need not memoise them.
 */
export function useWindowShortcut(matches: (e: KeyboardEvent) => boolean, onPress: () => void): void {
  const latest = useRef({ matches, onPress });
  useEffect(() => {
    latest.current = { matches, onPress };
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.repeat || !latest.current.matches(e)) return;
      e.preventDefault();
      latest.current.onPress();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
