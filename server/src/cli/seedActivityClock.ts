/**
 * The clock of `tandem seed-activity`'s own in-process server. The APIs stamp every fact (and
 * the analytics event written with it) from the process clock: JavaScript's `Date` and PGlite's
 * `now()`, which the WebAssembly build reads through `Date.now()`. To spread activity over past
 * days without a request-level backdating switch on the real server, the command moves this
 * process's clock instead: it replaces the global `Date` with one running at a settable offset.
 * Only the seeding process (or a test) installs it; a server started by `tandem serve` never does.
 */
const RealDate = Date;

export interface SeedClock {
  /** Moves the clock to this instant; it then runs on in real time from there. Never moves backwards. */
  set(at: number): void;
  /** Moves the clock forward by this many milliseconds. */
  advance(ms: number): void;
  now(): number;
  /** Puts the real `Date` back. */
  restore(): void;
}

export function installSeedClock(start: number): SeedClock {
  let offset = start - RealDate.now();
  class SeedDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(RealDate.now() + offset);
      else super(...(args as [number]));
    }
    static override now(): number {
      return RealDate.now() + offset;
    }
    // Dates made before the switch, or by Node's own internals, still count as dates.
    static override [Symbol.hasInstance](value: unknown): boolean {
      return value instanceof RealDate;
    }
  }
  globalThis.Date = SeedDate as DateConstructor;
  const clock: SeedClock = {
    now: () => RealDate.now() + offset,
    set(at) {
      if (at > clock.now()) offset = at - RealDate.now();
    },
    advance(ms) {
      clock.set(clock.now() + ms);
    },
    restore() {
      globalThis.Date = RealDate;
    },
  };
  return clock;
}
