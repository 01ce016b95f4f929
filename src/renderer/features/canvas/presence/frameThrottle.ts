/** How a {@link frameThrottle} waits for frames and reads the time; defaults to the browser's. */
export interface FrameClock {
  requestFrame: (callback: () => void) => number;
  cancelFrame: (handle: number) => void;
  now: () => number;
}

const browserClock: FrameClock = {
  requestFrame: (callback) => requestAnimationFrame(callback),
  cancelFrame: (handle) => cancelAnimationFrame(handle),
  now: () => performance.now(),
};

export interface FrameThrottled<T> {
  /** Queues `value`; only the latest value queued before the next send is sent. */
  push(value: T): void;
  /** Drops what is queued (e.g. before sending "left the canvas" at once). */
  cancel(): void;
}

/**
 * Sends the latest pushed value at most once per `interval` ms, on an animation frame,
 * so a burst of pointer moves costs one presence update per interval. Defaults to
 * 33 ms (about 30 a second) and the browser's clock.
 */
export function frameThrottle<T>(
  send: (value: T) => void,
  interval = 33,
  clock: FrameClock = browserClock,
): FrameThrottled<T> {
  let queued: { value: T } | null = null;
  let frame: number | null = null;
  let lastSent = -Infinity;

  const onFrame = () => {
    frame = null;
    if (!queued) return;
    if (clock.now() - lastSent < interval) {
      frame = clock.requestFrame(onFrame);
      return;
    }
    const { value } = queued;
    queued = null;
    lastSent = clock.now();
    send(value);
  };

  return {
    push(value) {
      queued = { value };
      frame ??= clock.requestFrame(onFrame);
    },
    cancel() {
      queued = null;
      if (frame !== null) clock.cancelFrame(frame);
      frame = null;
    },
  };
}
