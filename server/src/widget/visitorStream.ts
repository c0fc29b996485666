/**
 * A visitor's event stream: it follows their latest conversation on the site and moves to a new
 * one when it starts. On (re)connect it replays what the cursor has not seen — stored messages
 * after its seq, then the passing events of the answer in progress after its index — and then
 * passes on what the hub announces, skipping what it already sent, and filling any gap from the
 * store. A cursor naming a conversation that is not the visitor's is ignored (the stream starts
 * from their own latest), so a guessed or swapped id shows nothing of anyone else's.
 */
import type { WidgetEvent } from '@tandem/shared';
import type { StoredWidgetConversation, WidgetConversationsRepo } from '../storage/widget/widgetConversationsRepo.js';
import type { WidgetRatingsRepo } from '../storage/widget/widgetRatingsRepo.js';
import { AsyncQueue } from './asyncQueue.js';
import type { ConversationHub, HubItem, VisitorRef } from './conversationHub.js';
import { lastingEventId, parseEventId, passingEventId } from './eventIds.js';
import { eventOf, visitorConversation } from './widgetEvents.js';

export interface VisitorStreamDeps {
  conversations: WidgetConversationsRepo;
  ratings: WidgetRatingsRepo;
  hub: ConversationHub;
  /** Hub items a stream may fall behind by before it is ended (the client resumes). */
  queueLimit?: number;
}

const REPLAY_PAGE = 200;

type Emitted = [string, WidgetEvent];

export async function* visitorStream(
  deps: VisitorStreamDeps,
  visitor: VisitorRef,
  lastEventId: string | undefined,
  signal: AbortSignal,
): AsyncGenerator<Emitted> {
  const { conversations, hub } = deps;
  const queue = new AsyncQueue<HubItem>(deps.queueLimit ?? 10_000);
  // Subscribed before anything is read, so nothing published meanwhile is missed (duplicates are skipped by seq).
  const unsubscribe = hub.onVisitor(visitor, (item) => queue.push(item));
  const ended = AbortSignal.any([signal, hub.closing]);
  /** What the client has: the conversation followed, its last stored message, the last passing event after it. */
  let at: { conversationId: string; createdAt: string; seq: number; index: number } | undefined;

  async function* storedAfter(conversationId: string, seq: number, upTo = Number.POSITIVE_INFINITY): AsyncGenerator<Emitted> {
    for (let from = seq; ;) {
      const page = await conversations.messagesAfter(visitor.tenantId, conversationId, from, REPLAY_PAGE);
      for (const message of page) {
        if (message.seq > upTo) return;
        from = message.seq;
        if (at !== undefined) at = { ...at, seq: message.seq, index: -1 };
        const event = eventOf(message);
        if (event !== undefined) yield [lastingEventId(conversationId, message.seq), event];
      }
      if (page.length < REPLAY_PAGE) return;
    }
  }

  async function* attach(conversation: StoredWidgetConversation): AsyncGenerator<Emitted> {
    at = { conversationId: conversation.id, createdAt: conversation.createdAt, seq: 0, index: -1 };
    const rating = await deps.ratings.get(visitor.tenantId, conversation.id);
    yield [
      lastingEventId(conversation.id, 0),
      { type: 'conversation', conversationId: conversation.id, conversation: visitorConversation(conversation, rating?.score) },
    ];
    yield* storedAfter(conversation.id, 0);
  }

  function* inProgress(): Generator<Emitted> {
    if (at === undefined) return;
    const run = hub.run(at.conversationId);
    if (run === undefined || run.baseSeq !== at.seq) return;
    for (let i = at.index + 1; i < run.events.length; i += 1) {
      at = { ...at, index: i };
      yield [passingEventId(run.conversationId, run.baseSeq, i), run.events[i] as WidgetEvent];
    }
  }

  const own = (conversationId: string) => conversations.ofVisitor(visitor.tenantId, visitor.siteId, visitor.visitorId, conversationId);

  try {
    const cursor = parseEventId(lastEventId);
    const resumed = cursor === undefined ? undefined : await own(cursor.conversationId);
    const latest = await conversations.latestForVisitor(visitor.tenantId, visitor.siteId, visitor.visitorId);
    if (resumed !== undefined && cursor !== undefined) {
      at = { conversationId: resumed.id, createdAt: resumed.createdAt, seq: cursor.seq, index: cursor.index ?? -1 };
      yield* storedAfter(resumed.id, cursor.seq);
      if (latest !== undefined && latest.id !== resumed.id && latest.createdAt >= resumed.createdAt) yield* attach(latest);
    } else if (latest !== undefined) yield* attach(latest);
    yield* inProgress();

    for await (const item of queue.drain(ended)) {
      if (at === undefined || item.conversationId !== at.conversationId) {
        // Another conversation: follow it if it is a new one of theirs (a close, then a new start).
        const other = await own(item.conversationId);
        if (other === undefined || (at !== undefined && other.createdAt < at.createdAt)) continue;
        yield* attach(other);
        yield* inProgress();
        continue;
      }
      if (item.kind === 'lasting') {
        if (item.seq <= at.seq) continue;
        // A gap means a message was announced out of order: the store has it.
        if (item.seq > at.seq + 1) yield* storedAfter(at.conversationId, at.seq, item.seq - 1);
        at = { ...at, seq: item.seq, index: -1 };
        yield [lastingEventId(item.conversationId, item.seq), item.event];
      } else if (item.baseSeq === at.seq && item.index > at.index) {
        // Passing events skipped while this stream was catching up are still in the run's buffer.
        if (item.index > at.index + 1) yield* inProgress();
        if (item.index > at.index) {
          at = { ...at, index: item.index };
          yield [passingEventId(item.conversationId, item.baseSeq, item.index), item.event];
        }
      }
    }
  } finally {
    unsubscribe();
  }
}
