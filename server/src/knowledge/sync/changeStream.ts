/**
 * One `knowledge.changes` subscriber's stream: where the workspace's feed stands now, then again
 * each time it moves, and a heartbeat on a quiet channel. Each event's id is the feed position
 * it announces; a reconnecting client sends the last one back, and is told "changed" only if the
 * feed moved meanwhile (it always gets one event at once, so it knows the channel is up).
 */
import { knowledgeChangeEventId, type KnowledgeChangeEvent } from '@tandem/shared';
import type { KnowledgeRepo } from '../../storage/knowledgeRepo.js';
import type { KnowledgeChangeWatch } from './changeWatch.js';

export interface ChangeStreamDeps {
  watch: Pick<KnowledgeChangeWatch, 'listen' | 'closing'>;
  repo: Pick<KnowledgeRepo, 'feedState'>;
  heartbeatMs: number;
}

/** Resolves on the first of: a wake-up, the deadline, the end of the subscription. */
function pause(ms: number, signal: AbortSignal, onWake: (wake: (() => void) | undefined) => void): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      onWake(undefined);
      resolve();
    };
    const timer = setTimeout(done, Math.max(0, ms));
    signal.addEventListener('abort', done, { once: true });
    onWake(done);
  });
}

export async function* knowledgeChangeStream(
  deps: ChangeStreamDeps,
  tenantId: string,
  lastEventId: string | undefined,
  subscriberSignal: AbortSignal | undefined,
): AsyncGenerator<[string, KnowledgeChangeEvent]> {
  // Ends when the client goes or the server drains, whichever comes first.
  const signal = AbortSignal.any(subscriberSignal === undefined ? [deps.watch.closing] : [subscriberSignal, deps.watch.closing]);
  let woken = true;
  let wake: (() => void) | undefined;
  // Listen before the first read: a change committed after it is then always announced.
  const unlisten = deps.watch.listen(tenantId, () => {
    woken = true;
    wake?.();
  });
  try {
    let told = lastEventId;
    let lastSent: number | undefined;
    while (!signal.aborted) {
      const due = lastSent === undefined || Date.now() - lastSent >= deps.heartbeatMs;
      if (woken || due) {
        woken = false;
        const feed = await deps.repo.feedState(tenantId);
        const position = { epoch: feed.epoch, cursor: feed.latestSeq };
        const id = knowledgeChangeEventId(position);
        if (id !== told) {
          told = id;
          lastSent = Date.now();
          yield [id, { kind: 'changed', ...position }];
        } else if (due) {
          lastSent = Date.now();
          yield [id, { kind: 'heartbeat', ...position }];
        }
      }
      // Woken while reading or while the client took the event: look again before sleeping.
      if (woken || signal.aborted) continue;
      await pause(deps.heartbeatMs - (Date.now() - (lastSent ?? 0)), signal, (w) => (wake = w));
    }
  } finally {
    unlisten();
  }
}
