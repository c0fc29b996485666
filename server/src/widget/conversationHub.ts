/**
 * Live delivery inside this process: each visitor's open streams hear everything that happens in
 * their conversations, agents' queue subscriptions hear which conversation changed, and the
 * answer being written in a conversation keeps its passing events (typing, tokens) so a stream
 * that reconnects mid-answer catches up. Stored messages are the truth; the hub only wakes those
 * who follow. Several nodes will share it through Redis with the scale-out work.
 */
import type { WidgetEvent, WidgetQueueChange } from '@tandem/shared';

/** An event as the hub hands it to streams: stored (`lasting`, numbered by seq) or part of an answer in progress. */
export type HubItem =
  | { kind: 'lasting'; conversationId: string; seq: number; event: WidgetEvent }
  | { kind: 'passing'; conversationId: string; baseSeq: number; index: number; event: WidgetEvent };

export interface VisitorRef {
  tenantId: string;
  siteId: string;
  visitorId: string;
}

export const visitorKey = (v: VisitorRef): string => `${v.tenantId} ${v.siteId} ${v.visitorId}`;

/** The answer being written in one conversation, after its message `baseSeq`. */
export interface AnswerRun {
  readonly conversationId: string;
  readonly baseSeq: number;
  readonly visitor: VisitorRef;
  /** Its passing events so far, in order: a stream resuming at index n continues at n + 1. */
  readonly events: WidgetEvent[];
  readonly controller: AbortController;
  /** Whether any text went out (a withheld answer must then be retracted). */
  tokens: number;
}

type Listener<T> = (item: T) => void;

function add<T>(map: Map<string, Set<Listener<T>>>, key: string, listener: Listener<T>): () => void {
  let set = map.get(key);
  if (set === undefined) map.set(key, (set = new Set()));
  set.add(listener);
  return () => {
    set.delete(listener);
    if (set.size === 0 && map.get(key) === set) map.delete(key);
  };
}

export class ConversationHub {
  readonly #visitors = new Map<string, Set<Listener<HubItem>>>();
  readonly #tenants = new Map<string, Set<Listener<WidgetQueueChange>>>();
  readonly #runs = new Map<string, AnswerRun>();
  readonly #closing = new AbortController();

  /** Aborts when the server drains: every stream ends. */
  get closing(): AbortSignal {
    return this.#closing.signal;
  }

  onVisitor(visitor: VisitorRef, listener: Listener<HubItem>): () => void {
    return add(this.#visitors, visitorKey(visitor), listener);
  }

  publish(visitor: VisitorRef, item: HubItem): void {
    for (const listener of this.#visitors.get(visitorKey(visitor)) ?? []) listener(item);
  }

  onTenant(tenantId: string, listener: Listener<WidgetQueueChange>): () => void {
    return add(this.#tenants, tenantId, listener);
  }

  publishChange(tenantId: string, change: WidgetQueueChange): void {
    for (const listener of this.#tenants.get(tenantId) ?? []) listener(change);
  }

  /** Starts the answer run of a conversation; one in progress there is interrupted first. */
  startRun(conversationId: string, baseSeq: number, visitor: VisitorRef): AnswerRun {
    this.interrupt(conversationId);
    const run: AnswerRun = { conversationId, baseSeq, visitor, events: [], controller: new AbortController(), tokens: 0 };
    this.#runs.set(conversationId, run);
    return run;
  }

  run(conversationId: string): AnswerRun | undefined {
    return this.#runs.get(conversationId);
  }

  /** Sends a passing event of `run` to the visitor's streams (and keeps it for late ones), unless the run was ended. */
  pass(run: AnswerRun, event: WidgetEvent): void {
    if (this.#runs.get(run.conversationId) !== run) return;
    if (event.type === 'token') run.tokens += 1;
    run.events.push(event);
    this.publish(run.visitor, {
      kind: 'passing',
      conversationId: run.conversationId,
      baseSeq: run.baseSeq,
      index: run.events.length - 1,
      event,
    });
  }

  /** Ends `run` if it is still the conversation's current one. */
  endRun(run: AnswerRun): void {
    if (this.#runs.get(run.conversationId) === run) this.#runs.delete(run.conversationId);
  }

  /** Stops the conversation's answer in progress (a newer message, a person took over); shown text is retracted. */
  interrupt(conversationId: string): void {
    const run = this.#runs.get(conversationId);
    if (run === undefined) return;
    run.controller.abort();
    if (run.tokens > 0) this.pass(run, { type: 'retract', conversationId, reason: 'interrupted' });
    this.#runs.delete(conversationId);
  }

  /** The server drains: answers stop, streams end. */
  close(): void {
    for (const conversationId of [...this.#runs.keys()]) this.interrupt(conversationId);
    this.#closing.abort();
  }
}
