/**
 * A queue a stream drains while pushes arrive: what the hub wakes a stream with is kept until the
 * stream's reader takes it. Bounded: a reader that falls `limit` items behind (a stalled
 * connection) overflows the queue, which ends the stream; the client reconnects and resumes from
 * its last event id, so nothing is lost, and a stalled client cannot hold memory without end.
 */
export class AsyncQueue<T> {
  readonly #items: T[] = [];
  #wake: (() => void) | undefined;
  #overflowed = false;

  constructor(private readonly limit: number) {}

  push(item: T): void {
    if (this.#overflowed) return;
    if (this.#items.length >= this.limit) this.#overflowed = true;
    else this.#items.push(item);
    this.#wake?.();
  }

  /** Items as they come, until `signal` aborts or the queue overflows. */
  async *drain(signal: AbortSignal): AsyncGenerator<T> {
    for (;;) {
      while (this.#items.length > 0 && !this.#overflowed) yield this.#items.shift() as T;
      if (signal.aborted || this.#overflowed) return;
      await new Promise<void>((resolve) => {
        const done = () => {
          signal.removeEventListener('abort', done);
          this.#wake = undefined;
          resolve();
        };
        this.#wake = done;
        signal.addEventListener('abort', done, { once: true });
      });
    }
  }
}
