/**
 * The website widget of one server process, as services: sites (admins), visitor sessions and
 * conversations (the public routes), the event stream, the human queue (agents), proactive
 * messages, rate limits, and autonomous answers for the `/v1` API. Built once by the widget
 * plugin from the store, the widget key, the assist engine's pipeline dependencies and the live
 * context; `close` ends every stream and answer when the server drains.
 */
import type { CustomerLiveState, TicketContext } from '@tandem/shared';
import type { AssistDeps } from '../assist/index.js';
import type { LiveContext } from '../live/index.js';
import type { Logger } from '../logging/logger.js';
import type { Store } from '../storage/store.js';
import type { StoredWidgetConversation } from '../storage/widget/widgetConversationsRepo.js';
import { agentQueue } from './agentQueue.js';
import { noAnswerCache, type AnswerCache } from './answerCache.js';
import { answerRuns } from './answerRuns.js';
import { answerAutonomously, type AutonomousOutcome, type AutonomousProgress } from './autonomousAnswer.js';
import { ConversationHub } from './conversationHub.js';
import { conversationLog } from './conversationLog.js';
import { proactiveMessages } from './proactiveMessages.js';
import type { Notify } from './handoffs.js';
import { widgetRateLimiter, type WidgetRateLimits } from './rateLimits.js';
import { verifiedLive } from './verifiedLive.js';
import { visitorConversations } from './visitorConversations.js';
import { visitorSessions, type Visitor } from './visitorSessions.js';
import { visitorStream } from './visitorStream.js';
import type { WidgetKeys } from './widgetKeys.js';
import { widgetSites } from './widgetSites.js';
import { conversationTicket } from './widgetTicket.js';

export interface WidgetServiceDeps {
  store: Pick<Store, 'widget'>;
  keys: WidgetKeys;
  /** The assist engine's pipeline dependencies (search, drafters, actions, the workspace's live-state source). */
  assist: AssistDeps;
  live: Pick<LiveContext, 'stateFor' | 'onAlert'>;
  notify: Notify;
  log: Logger;
  cache?: AnswerCache | undefined;
  rateLimits?: Partial<WidgetRateLimits> | undefined;
}

/** How long the queue waits for a customer's live context before showing the conversation without it. */
const LIVE_TIMEOUT_MS = 5_000;

export function createWidgetService(deps: WidgetServiceDeps) {
  const hub = new ConversationHub();
  const { conversations, ratings } = deps.store.widget;
  const log = conversationLog(conversations, hub);
  const cache = deps.cache ?? noAnswerCache;
  const logger = deps.log.child({ component: 'widget' });
  const liveFor = (c: Pick<StoredWidgetConversation, 'visitorUserId'>) => verifiedLive(deps.assist.live, deps.live, c.visitorUserId);
  const answers = answerRuns({ repo: conversations, log, hub, assist: deps.assist, liveFor, cache, notify: deps.notify, logger });
  const proactive = proactiveMessages({ live: deps.live, conversations, log, logger });

  return {
    sites: widgetSites(deps.store.widget.sites, deps.keys),
    sessions: visitorSessions({ tokenKey: deps.keys.tokenKey, conversations, ratings }),
    conversations: visitorConversations({ conversations, ratings, log, hub, answers, notify: deps.notify, cache }),
    queue: agentQueue({
      conversations,
      ratings,
      log,
      hub,
      liveState: (c): Promise<CustomerLiveState | undefined> =>
        liveFor(c).forTicket(c.tenantId, conversationTicket(c, []), AbortSignal.timeout(LIVE_TIMEOUT_MS)),
    }),
    limits: widgetRateLimiter(deps.rateLimits),

    /** The visitor's event stream; a verified visitor's open stream also receives proactive messages. */
    async *stream(visitor: Visitor, lastEventId: string | undefined, signal: AbortSignal) {
      const userId = visitor.userId;
      const unwatch = userId === undefined ? undefined : proactive.watch({ ...visitor, userId });
      try {
        yield* visitorStream({ conversations, ratings, hub }, visitor, lastEventId, signal);
      } finally {
        unwatch?.();
      }
    },

    /**
     * An autonomous answer for the `/v1` API: drafted whatever the handoff rules say (they are
     * reported, not acted on), from the knowledge base alone, below the engine's review threshold
     * withheld as in the widget. A cached answer is given when the cache has one.
     */
    async *answerForApi(
      tenantId: string,
      ticket: TicketContext,
      requestId: string | undefined,
      signal: AbortSignal,
    ): AsyncGenerator<AutonomousProgress, AutonomousOutcome | undefined> {
      const customer = ticket.messages.filter((m) => m.authorRole === 'customer');
      const lookup = {
        tenantId,
        siteId: undefined,
        question: customer.at(-1)?.body ?? '',
        earlierQuestions: Math.max(0, customer.length - 1),
      };
      const cached = await cache.lookup(lookup).catch(() => undefined);
      if (cached !== undefined) {
        yield { type: 'token', text: cached.text };
        return { answer: { ...cached, drafter: 'embedded' }, withheld: false, personalised: false };
      }
      const threshold = deps.assist.reviewThreshold;
      const outcome = yield* answerAutonomously(deps.assist, {
        tenantId,
        ticket,
        threshold,
        live: liveFor({ visitorUserId: null }),
        stopAtHandoff: false,
        requestId,
        signal,
      });
      const written = outcome?.answer;
      if (written !== undefined && outcome !== undefined && !outcome.withheld && written.confidence >= threshold)
        await cache.fill({ ...lookup, answer: { ...written, language: outcome.analysis?.language ?? 'und' } }).catch((error: unknown) => {
          logger.warn({ err: error }, 'answer cache fill failed');
        });
      return outcome;
    },

    /** Proactive deliveries in progress (tests). */
    settled: () => proactive.settled(),

    /** Ends every answer in progress and every stream (the server drains). */
    async close(): Promise<void> {
      hub.close();
      await proactive.settled();
    },
  };
}
export type WidgetService = ReturnType<typeof createWidgetService>;
