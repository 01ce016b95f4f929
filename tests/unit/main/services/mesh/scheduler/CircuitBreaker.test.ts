import { describe, expect, it } from 'vitest';
import { CircuitBreaker } from '../../../../../../src/main/services/mesh/scheduler/CircuitBreaker';

function breaker(options: ConstructorParameters<typeof CircuitBreaker>[0] = {}) {
  const clock = { t: 0 };
  const b = new CircuitBreaker({ failureThreshold: 3, coolDownMs: 1_000, now: () => clock.t, ...options });
  return { b, clock };
}

describe('CircuitBreaker', () => {
  it('opens after N consecutive failures, a success resetting the count', () => {
    const { b } = breaker();
    b.recordFailure();
    b.recordFailure();
    b.recordSuccess();
    b.recordFailure();
    b.recordFailure();
    expect(b.state()).toBe('closed');
    b.recordFailure();
    expect(b.state()).toBe('open');
    expect(b.allow()).toBe(false);
    expect(b.retryInMs()).toBe(1_000);
  });

  it('half-opens after the cool-down, lets one trial through and closes on its success', () => {
    const { b, clock } = breaker();
    for (let i = 0; i < 3; i++) b.recordFailure();
    clock.t = 999;
    expect(b.state()).toBe('open');
    clock.t = 1_000;
    expect(b.state()).toBe('half-open');
    expect(b.allow()).toBe(true);
    expect(b.allow()).toBe(false);
    b.recordSuccess();
    expect(b.state()).toBe('closed');
    expect(b.allow()).toBe(true);
  });

  it('reopens on a failed trial with an exponentially longer cool-down, capped', () => {
    const { b, clock } = breaker({ maxCoolDownMs: 3_000 });
    for (let i = 0; i < 3; i++) b.recordFailure();
    clock.t = 1_000;
    expect(b.allow()).toBe(true);
    b.recordFailure();
    expect(b.state()).toBe('open');
    expect(b.retryInMs()).toBe(2_000);
    clock.t = 3_000;
    expect(b.allow()).toBe(true);
    b.recordFailure();
    expect(b.retryInMs()).toBe(3_000);
    // Success after the backoff closes it and resets the cool-down.
    clock.t = 6_000;
    b.allow();
    b.recordSuccess();
    for (let i = 0; i < 3; i++) b.recordFailure();
    expect(b.retryInMs()).toBe(1_000);
  });

  it('ignores late outcomes of jobs sent before it opened', () => {
    const { b } = breaker();
    for (let i = 0; i < 3; i++) b.recordFailure();
    b.recordFailure();
    b.recordSuccess();
    expect(b.state()).toBe('open');
    expect(b.retryInMs()).toBe(1_000);
  });

  it('opens on a failure rate over the window without N in a row', () => {
    const { b } = breaker({ windowSize: 10, minSamples: 10, failureRate: 0.5 });
    for (let i = 0; i < 4; i++) {
      b.recordFailure();
      b.recordSuccess();
    }
    b.recordSuccess();
    expect(b.state()).toBe('closed');
    b.recordFailure(); // window: 5 of 10 failed
    expect(b.state()).toBe('open');
  });
});
