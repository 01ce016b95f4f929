import { useCallback, useEffect, useRef, useState } from 'react';

export interface Toast {
  /** The message on show, or null. */
  message: string | null;
  /** A counter that changes with every message, so the same text shown twice re-announces. */
  serial: number;
  show: (message: string, ms?: number) => void;
  dismiss: () => void;
}

/** One short message at a time (e.g. why a connection was refused), hidden after `ms`. */
export function useToast(ms = 6000): Toast {
  const [state, setState] = useState<{ message: string | null; serial: number }>({ message: null, serial: 0 });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const dismiss = useCallback(() => setState((s) => ({ ...s, message: null })), []);
  const show = useCallback(
    (message: string, shownMs = ms) => {
      clearTimeout(timer.current);
      setState((s) => ({ message, serial: s.serial + 1 }));
      timer.current = setTimeout(dismiss, shownMs);
    },
    [dismiss, ms],
  );
  useEffect(() => () => clearTimeout(timer.current), []);
  return { ...state, show, dismiss };
}
