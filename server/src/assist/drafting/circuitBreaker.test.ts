// The circuit breaker's state machine on an injected clock.
import { describe, expect, it } from 'vitest';
import { CircuitBreaker, type CircuitBreakerOptions, type CircuitState } from './circuitBreaker.js';

function breakerWithClock(options: CircuitBreakerOptions = {}): {
  breaker: CircuitBreaker;
  advance(ms: number): void;
  states: CircuitState[];
} {
  let now = 1_000;
  const states: CircuitState[] = [];
  const breaker = new CircuitBreaker({ coolDownMs: 10_000, ...options, now: () => now, onStateChange: (s) => states.push(s) });
  return { breaker, advance: (ms) => (now += ms), states };
}

function fail(breaker: CircuitBreaker, times = 1): void {
  for (let i = 0; i < times; i += 1) {
    const permit = breaker.tryAcquire();
    expect(permit).toBeDefined();
    permit?.fail();
  }
}

function succeed(breaker: CircuitBreaker): void {
  const permit = breaker.tryAcquire();
  expect(permit).toBeDefined();
  permit?.succeed();
}

describe('CircuitBreaker', () => {
  it('opens after the configured number of consecutive failures and then refuses calls', () => {
    const { breaker, states } = breakerWithClock({ failureThreshold: 3 });
    fail(breaker, 2);
    expect(breaker.state).toBe('closed');
    fail(breaker);
    expect(breaker.state).toBe('open');
    expect(breaker.tryAcquire()).toBeUndefined();
    expect(breaker.retryInMs()).toBe(10_000);
    expect(states).toEqual(['open']);
  });

  it('counts only consecutive failures: a success in between resets the count', () => {
    const { breaker } = breakerWithClock({ failureThreshold: 3 });
    fail(breaker, 2);
    succeed(breaker);
    fail(breaker, 2);
    expect(breaker.state).toBe('closed');
    fail(breaker);
    expect(breaker.state).toBe('open');
  });

  it('goes half-open after the cool-down and lets exactly one trial call through', () => {
    const { breaker, advance } = breakerWithClock({ failureThreshold: 1 });
    fail(breaker);
    advance(9_999);
    expect(breaker.state).toBe('open');
    expect(breaker.retryInMs()).toBe(1);
    advance(1);
    expect(breaker.state).toBe('half-open');
    const trial = breaker.tryAcquire();
    expect(trial).toBeDefined();
    expect(breaker.tryAcquire()).toBeUndefined();
  });

  it('closes when the trial succeeds', () => {
    const { breaker, advance, states } = breakerWithClock({ failureThreshold: 2 });
    fail(breaker, 2);
    advance(10_000);
    succeed(breaker);
    expect(breaker.state).toBe('closed');
    expect(states).toEqual(['open', 'half-open', 'closed']);
    // Counting starts afresh after closing.
    fail(breaker);
    expect(breaker.state).toBe('closed');
  });

  it('opens again, with a fresh cool-down, when the trial fails', () => {
    const { breaker, advance, states } = breakerWithClock({ failureThreshold: 1 });
    fail(breaker);
    advance(15_000);
    fail(breaker);
    expect(breaker.state).toBe('open');
    advance(9_000);
    expect(breaker.tryAcquire()).toBeUndefined();
    advance(1_000);
    expect(breaker.state).toBe('half-open');
    expect(states).toEqual(['open', 'half-open', 'open', 'half-open']);
  });

  it('lets another trial through when the trial is released without a verdict', () => {
    const { breaker, advance } = breakerWithClock({ failureThreshold: 1 });
    fail(breaker);
    advance(10_000);
    breaker.tryAcquire()?.release();
    expect(breaker.state).toBe('half-open');
    const next = breaker.tryAcquire();
    expect(next).toBeDefined();
    next?.succeed();
    expect(breaker.state).toBe('closed');
  });

  it('ignores outcomes of calls that started before the circuit opened', () => {
    const { breaker, advance } = breakerWithClock({ failureThreshold: 2 });
    const slow = breaker.tryAcquire();
    const slowFailure = breaker.tryAcquire();
    fail(breaker, 2);
    expect(breaker.state).toBe('open');
    slow?.succeed();
    expect(breaker.state).toBe('open');
    advance(10_000);
    const trial = breaker.tryAcquire();
    // A stale failure must neither reopen the circuit nor take the trial's place.
    slowFailure?.fail();
    expect(breaker.state).toBe('half-open');
    expect(breaker.tryAcquire()).toBeUndefined();
    trial?.succeed();
    expect(breaker.state).toBe('closed');
  });

  it('settles a permit once: a second verdict is ignored', () => {
    const { breaker } = breakerWithClock({ failureThreshold: 2 });
    const permit = breaker.tryAcquire();
    permit?.fail();
    permit?.fail();
    expect(breaker.state).toBe('closed');
  });

  it('released calls count neither as success nor failure', () => {
    const { breaker } = breakerWithClock({ failureThreshold: 2 });
    fail(breaker);
    breaker.tryAcquire()?.release();
    fail(breaker);
    expect(breaker.state).toBe('open');
  });

  it('opens on a failure rate over the window once enough calls are in it', () => {
    const { breaker } = breakerWithClock({ failureThreshold: 100, failureRate: { threshold: 0.5, windowSize: 6, minimumCalls: 4 } });
    fail(breaker);
    succeed(breaker);
    fail(breaker);
    // 2 of 3: above the rate, but fewer calls than the minimum.
    expect(breaker.state).toBe('closed');
    succeed(breaker);
    succeed(breaker);
    succeed(breaker);
    fail(breaker);
    // Window [s, f, s, s, s, f]: 2 of 6 is below half.
    expect(breaker.state).toBe('closed');
    fail(breaker);
    // Window [f, s, s, s, f, f]: 3 of 6.
    expect(breaker.state).toBe('open');
  });

  it('rejects nonsensical options', () => {
    expect(() => new CircuitBreaker({ failureThreshold: 0 })).toThrow(RangeError);
    expect(() => new CircuitBreaker({ failureRate: { threshold: 1.5 } })).toThrow(RangeError);
    expect(() => new CircuitBreaker({ failureRate: { threshold: 0.5, windowSize: 2.5 } })).toThrow(RangeError);
  });
});
