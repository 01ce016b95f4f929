interface Waiter {
  wake(outcome: SlotOutcome): void;
}

/** How waiting for a slot ended: got one, or gave up. */
export type SlotOutcome = 'started' | 'cancelled' | 'deadline';

/**
 * At most `limit` jobs at once, the rest waiting in order. A waiting job leaves the line
 * when its signal aborts or its deadline passes, without ever taking a slot.
 */
export class Slots {
  readonly #limit: number;
  readonly #onChange: () => void;
  readonly #waiting: Waiter[] = [];
  #running = 0;

  /** @param onChange runs whenever `running` or `queued` changes. */
  constructor(limit: number, onChange: () => void) {
    this.#limit = limit;
    this.#onChange = onChange;
  }

  get running(): number {
    return this.#running;
  }

  get queued(): number {
    return this.#waiting.length;
  }

  /** Resolves once a slot is this job's ('started'; call `release()` after), or it gave up. */
  acquire(signal?: AbortSignal, deadline?: number): Promise<SlotOutcome> {
    if (signal?.aborted) return Promise.resolve('cancelled');
    if (deadline !== undefined && deadline <= Date.now()) return Promise.resolve('deadline');
    if (this.#running < this.#limit) {
      this.#running++;
      this.#onChange();
      return Promise.resolve('started');
    }
    return new Promise((resolve) => {
      const leave = (outcome: SlotOutcome) => {
        const index = this.#waiting.indexOf(waiter);
        if (index >= 0) this.#waiting.splice(index, 1);
        waiter.wake(outcome);
        this.#onChange();
      };
      const onAbort = () => leave('cancelled');
      const timer = deadline === undefined ? null : setTimeout(() => leave('deadline'), deadline - Date.now());
      const waiter: Waiter = {
        wake: (outcome) => {
          signal?.removeEventListener('abort', onAbort);
          if (timer) clearTimeout(timer);
          resolve(outcome);
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#waiting.push(waiter);
      this.#onChange();
    });
  }

  /** Frees a slot; the next waiting job takes it. */
  release(): void {
    const next = this.#waiting.shift();
    if (next) next.wake('started');
    else this.#running--;
    this.#onChange();
  }

  /** Ends every wait as cancelled (the node is going away). */
  cancelAll(): void {
    for (const waiter of this.#waiting.splice(0)) waiter.wake('cancelled');
    this.#onChange();
  }
}
