/**
 * Phase timings of one draft, in milliseconds since it started, for operators tracing a slow
 * draft. Holds names and numbers only, never ticket content, so it can be logged as it is.
 */
export class PhaseTimings {
  readonly #started = performance.now();
  readonly #marks: Record<string, number> = {};

  /** Marks `name` when `work` settles, fulfilled or not: a failed phase still took its time. */
  timed<T>(name: string, work: Promise<T>): Promise<T> {
    return work.finally(() => {
      this.#marks[name] = this.#elapsed();
    });
  }

  /** Marks `name` the first time only, so a fallback draft does not hide the first token's time. */
  markOnce(name: string): void {
    this.#marks[name] ??= this.#elapsed();
  }

  /** The marks in the order they were first set, then the total so far. */
  summary(): Record<string, number> {
    return { ...this.#marks, totalMs: this.#elapsed() };
  }

  #elapsed(): number {
    return Math.round(performance.now() - this.#started);
  }
}
