/**
 * A circuit breaker: after repeated failures it refuses calls for a cool-down, so a provider that
 * is down costs one fast refusal instead of a timeout per request; then it lets a single trial
 * call through and closes again only if that succeeds.
 */

export type CircuitState = 'closed' | 'open' | 'half-open';

export interface CircuitBreakerOptions {
  /** Consecutive failures that open the circuit. Default 5. */
  failureThreshold?: number;
  /**
   * Also open when at least this share (0…1] of the last `windowSize` calls failed, once
   * `minimumCalls` are in the window. Off by default: flaky-but-alive providers then stay usable.
   */
  failureRate?: { threshold: number; windowSize?: number; minimumCalls?: number } | undefined;
  /** How long the circuit stays open before a trial call. Default 30 s. */
  coolDownMs?: number;
  /** Injectable for tests. */
  now?: () => number;
  onStateChange?: (state: CircuitState) => void;
}

/**
 * Leave to make one call. Settle it exactly once: `succeed`, `fail`, or `release` when the call
 * ended for a reason that says nothing about the dependency's health (the caller gave up).
 * Later settlements of the same permit are ignored.
 */
export interface CircuitPermit {
  succeed(): void;
  fail(): void;
  release(): void;
}

export class CircuitBreaker {
  readonly #failureThreshold: number;
  readonly #rate: { threshold: number; windowSize: number; minimumCalls: number } | undefined;
  readonly #coolDownMs: number;
  readonly #now: () => number;
  readonly #onStateChange: ((state: CircuitState) => void) | undefined;
  #open = false;
  #openedAt = 0;
  #trialInFlight = false;
  /** Bumped on every transition, so an outcome of a call started in an earlier state cannot flip the current one. */
  #epoch = 0;
  #consecutiveFailures = 0;
  /** Recent outcomes, true for a failure; used only when a failure rate is configured. */
  #window: boolean[] = [];
  #lastReported: CircuitState = 'closed';

  constructor(options: CircuitBreakerOptions = {}) {
    this.#failureThreshold = positiveInteger('failureThreshold', options.failureThreshold ?? 5);
    this.#coolDownMs = Math.max(0, options.coolDownMs ?? 30_000);
    this.#now = options.now ?? Date.now;
    this.#onStateChange = options.onStateChange;
    if (options.failureRate !== undefined) {
      const { threshold, windowSize = 20, minimumCalls = 10 } = options.failureRate;
      if (!(threshold > 0 && threshold <= 1)) throw new RangeError('failureRate.threshold must be in (0, 1]');
      this.#rate = {
        threshold,
        windowSize: positiveInteger('failureRate.windowSize', windowSize),
        minimumCalls: positiveInteger('failureRate.minimumCalls', minimumCalls),
      };
    }
  }

  get state(): CircuitState {
    const state = !this.#open ? 'closed' : this.#now() - this.#openedAt >= this.#coolDownMs ? 'half-open' : 'open';
    this.#report(state);
    return state;
  }

  /** A permit when a call may go ahead; undefined when the circuit refuses it. */
  tryAcquire(): CircuitPermit | undefined {
    const state = this.state;
    if (state === 'open') return undefined;
    if (state === 'half-open') {
      if (this.#trialInFlight) return undefined;
      this.#trialInFlight = true;
      return this.#permit(true);
    }
    return this.#permit(false);
  }

  /** Milliseconds until a trial call is allowed; 0 unless open. */
  retryInMs(): number {
    return this.state === 'open' ? this.#coolDownMs - (this.#now() - this.#openedAt) : 0;
  }

  #permit(trial: boolean): CircuitPermit {
    const epoch = this.#epoch;
    let settled = false;
    const settle = (outcome: 'success' | 'failure' | 'release'): void => {
      if (settled) return;
      settled = true;
      if (epoch !== this.#epoch) return;
      if (trial) this.#trialInFlight = false;
      if (outcome === 'release') return;
      if (trial) {
        if (outcome === 'success') this.#close();
        else this.#trip();
      } else {
        this.#record(outcome === 'failure');
      }
    };
    return { succeed: () => settle('success'), fail: () => settle('failure'), release: () => settle('release') };
  }

  #record(failed: boolean): void {
    this.#consecutiveFailures = failed ? this.#consecutiveFailures + 1 : 0;
    if (this.#rate !== undefined) {
      this.#window.push(failed);
      if (this.#window.length > this.#rate.windowSize) this.#window.shift();
    }
    if (failed && (this.#consecutiveFailures >= this.#failureThreshold || this.#rateExceeded())) this.#trip();
  }

  #rateExceeded(): boolean {
    if (this.#rate === undefined || this.#window.length < this.#rate.minimumCalls) return false;
    const failures = this.#window.filter(Boolean).length;
    return failures / this.#window.length >= this.#rate.threshold;
  }

  #trip(): void {
    this.#open = true;
    this.#openedAt = this.#now();
    this.#trialInFlight = false;
    this.#epoch += 1;
    this.#report('open');
  }

  #close(): void {
    this.#open = false;
    this.#trialInFlight = false;
    this.#consecutiveFailures = 0;
    this.#window = [];
    this.#epoch += 1;
    this.#report('closed');
  }

  /** Half-open is reached by the clock passing, not by an event, so it is reported when next observed. */
  #report(state: CircuitState): void {
    if (state === this.#lastReported) return;
    this.#lastReported = state;
    this.#onStateChange?.(state);
  }
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer`);
  return value;
}
