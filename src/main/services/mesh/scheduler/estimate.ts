/**
 * Expected completion time of a job on a node: pure functions over what the scheduler
 * knows. The node's work ahead (running jobs' remaining tokens, then queued jobs, FIFO)
 * is list-scheduled onto its slots; the job starts when the first slot frees after that.
 */

/** What the estimate needs of one node. */
export interface NodeLoad {
  /** Jobs the node runs at once (at least 1). */
  slots: number;
  /** Tokens per second of one job on the node (must be > 0). */
  tokensPerSecond: number;
  /** Remaining tokens of each job ahead of the new one, oldest first; running jobs first. */
  aheadTokens: number[];
  roundTripMs: number;
  /** Defaults to 0. */
  firstTokenMs?: number;
}

/** Time, in ms, to generate `tokens` at `tokensPerSecond`. */
export function generationMs(tokens: number, tokensPerSecond: number): number {
  return (Math.max(0, tokens) / tokensPerSecond) * 1000;
}

/**
 * Expected wait, in ms, before a new job gets a slot: the first `slots` jobs ahead run
 * now, each later one takes the slot that frees first, and the new job takes the next.
 * 0 when a slot is free.
 */
export function queueWaitMs(load: Pick<NodeLoad, 'slots' | 'tokensPerSecond' | 'aheadTokens'>): number {
  const slots = Math.max(1, Math.floor(load.slots));
  if (load.aheadTokens.length < slots) return 0;
  const freeAt: number[] = new Array<number>(slots).fill(0);
  for (const tokens of load.aheadTokens) {
    let earliest = 0;
    for (let i = 1; i < slots; i++) if (freeAt[i] < freeAt[earliest]) earliest = i;
    freeAt[earliest] += generationMs(tokens, load.tokensPerSecond);
  }
  return Math.min(...freeAt);
}

/**
 * Expected ms from now until a job of `jobTokens` tokens completes on the node:
 * queue wait + first token + generation + round trip.
 */
export function expectedCompletionMs(load: NodeLoad, jobTokens: number): number {
  return (
    queueWaitMs(load) + (load.firstTokenMs ?? 0) + generationMs(jobTokens, load.tokensPerSecond) + load.roundTripMs
  );
}

/** One step of an exponentially weighted moving average; the sample itself when `previous` is undefined. */
export function ewma(previous: number | undefined, sample: number, alpha: number): number {
  return previous === undefined ? sample : previous + alpha * (sample - previous);
}
