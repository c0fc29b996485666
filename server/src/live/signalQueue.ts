/**
 * A push queue a subscription drains until its signal aborts: what a subscriber is sent (live
 * state, alerts, counters, a presence's followers and inboxes) is kept in order and handed out as
 * the stream asks for it.
 */
export function signalQueue<T>(signal: AbortSignal | undefined) {
  const items: T[] = [];
  let wake: (() => void) | undefined;
  return {
    push(item: T): void {
      items.push(item);
      wake?.();
    },
    async *drain(): AsyncGenerator<T> {
      for (;;) {
        while (items.length > 0) yield items.shift() as T;
        if (signal?.aborted === true) return;
        await new Promise<void>((resolve) => {
          const done = () => {
            signal?.removeEventListener('abort', done);
            resolve();
          };
          wake = done;
          signal?.addEventListener('abort', done, { once: true });
        });
        wake = undefined;
      }
    },
  };
}
