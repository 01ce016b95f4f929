import type { Health } from './NodeView';

export interface CircuitBreakerOptions {
  /** Consecutive failures that open the circuit. Defaults to 3. */
  failureThreshold?: number;
  /** Outcomes kept for the failure rate. Defaults to 20. */
  windowSize?: number;
  /** Failure rate in the window that opens the circuit. Defaults to 0.5. */
  failureRate?: number;
  /** Outcomes needed in the window before the rate counts. Defaults to 10. */
  minSamples?: number;
  /** First cool-down before a trial job. Defaults to 1,000 ms. */
  coolDownMs?: number;
  /** Each reopening multiplies the cool-down by this. Defaults to 2. */
  backoffFactor?: number;
  /** Longest cool-down. Defaults to 60,000 ms. */
  maxCoolDownMs?: number;
  /** Defaults to `Date.now`. */
  now?: () => number;
}

/**
 * A circuit breaker for one peer. Closed: jobs flow. Open: after `failureThreshold`
 * consecutive failures, or a failure rate of `failureRate` over the last `windowSize`
 * outcomes; no jobs until the cool-down ends. Half-open: one trial job at a time; its
 * success closes the circuit, its failure reopens it with a doubled cool-down.
 */
export class CircuitBreaker {
  private consecutive = 0;
  private window: boolean[] = [];
  private openedUntil: number | null = null;
  private reopenings = 0;
  private trialInFlight = false;
  private readonly o: Required<CircuitBreakerOptions>;

  constructor(options: CircuitBreakerOptions = {}) {
    this.o = {
      failureThreshold: options.failureThreshold ?? 3,
      windowSize: options.windowSize ?? 20,
      failureRate: options.failureRate ?? 0.5,
      minSamples: options.minSamples ?? 10,
      coolDownMs: options.coolDownMs ?? 1_000,
      backoffFactor: options.backoffFactor ?? 2,
      maxCoolDownMs: options.maxCoolDownMs ?? 60_000,
      now: options.now ?? Date.now,
    };
  }

  /** The state now: an open circuit turns half-open when its cool-down has passed. */
  state(): Health {
    if (this.openedUntil === null) return 'closed';
    return this.o.now() >= this.openedUntil ? 'half-open' : 'open';
  }

  /**
   * Whether a job may go to the peer now. In half-open, true once (the trial job) until
   * its outcome is recorded.
   */
  allow(): boolean {
    const state = this.state();
    if (state === 'closed') return true;
    if (state === 'open' || this.trialInFlight) return false;
    this.trialInFlight = true;
    return true;
  }

  /** Ms until the circuit turns half-open; 0 unless open. */
  retryInMs(): number {
    return this.state() === 'open' ? (this.openedUntil as number) - this.o.now() : 0;
  }

  /** Records a job that succeeded. Outcomes of jobs sent before the circuit opened are ignored while open. */
  recordSuccess(): void {
    if (this.state() === 'open') return;
    this.trialInFlight = false;
    if (this.openedUntil !== null) {
      this.openedUntil = null;
      this.reopenings = 0;
      this.window = [];
    }
    this.consecutive = 0;
    this.push(true);
  }

  /** Records a job that failed (error, dropped stream, timeout). */
  recordFailure(): void {
    // A late failure of a job sent before the circuit opened says nothing new.
    if (this.state() === 'open') return;
    this.trialInFlight = false;
    if (this.openedUntil !== null) {
      // The trial failed: back off further.
      this.reopenings++;
      this.open();
      return;
    }
    this.consecutive++;
    this.push(false);
    const failures = this.window.filter((ok) => !ok).length;
    const rateTripped = this.window.length >= this.o.minSamples && failures / this.window.length >= this.o.failureRate;
    if (this.consecutive >= this.o.failureThreshold || rateTripped) this.open();
  }

  private open(): void {
    const coolDown = Math.min(this.o.maxCoolDownMs, this.o.coolDownMs * this.o.backoffFactor ** this.reopenings);
    this.openedUntil = this.o.now() + coolDown;
    this.consecutive = 0;
  }

  private push(ok: boolean): void {
    this.window.push(ok);
    if (this.window.length > this.o.windowSize) this.window.shift();
  }
}
