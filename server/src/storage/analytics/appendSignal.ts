/**
 * A process-wide nudge that analytics events were appended. Appends often run inside another
 * repository's transaction, which the analytics repo cannot see commit, so listeners (the live
 * aggregates feed) read the stream after their cursor when nudged; on PGlite that read queues
 * behind the open transaction and so sees its events once they are committed.
 */
type Listener = () => void;

const listeners = new Set<Listener>();

export function onAnalyticsAppended(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function signalAnalyticsAppended(): void {
  for (const listener of listeners) listener();
}
