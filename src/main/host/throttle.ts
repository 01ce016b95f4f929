/**
 * Calls `fn(id)` at once for an id not seen recently, then at most once per `ms` for
 * that id, always delivering the last call (leading and trailing edge).
 */
export function throttleById(ms: number, fn: (id: string) => void): { push(id: string): void; cancel(): void } {
  const timers = new Map<string, { timer: ReturnType<typeof setTimeout>; pending: boolean }>();
  const open = (id: string) => {
    const entry = {
      pending: false,
      timer: setTimeout(() => {
        timers.delete(id);
        if (entry.pending) {
          fn(id);
          open(id);
        }
      }, ms),
    };
    timers.set(id, entry);
  };
  return {
    push(id) {
      const entry = timers.get(id);
      if (entry) {
        entry.pending = true;
        return;
      }
      fn(id);
      open(id);
    },
    cancel() {
      for (const { timer } of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}
