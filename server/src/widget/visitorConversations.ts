/**
 * What a visitor does in a conversation: open one (or get the open one), read its history, send a
 * message, ask for a person, rate it. Each call names a conversation, and each finds it only among
 * the visitor's own on this site: any other id — unknown, another visitor's, another site's — is
 * the same NOT_FOUND. A message is normalised untrusted text; the AI answers it only while the
 * conversation is the AI's, which the store decides in the same transaction that stores it.
 */
import type {
  WidgetConversation,
  WidgetHistory,
  WidgetPreviewInput,
  WidgetRating,
  WidgetRatingInput,
  WidgetSendInput,
  WidgetSent,
} from '@tandem/shared';
import { ServiceError } from '../errors/serviceError.js';
import { normaliseUntrusted } from '../security/untrustedText.js';
import type { StoredWidgetConversation, WidgetConversationsRepo } from '../storage/widget/widgetConversationsRepo.js';
import type { WidgetRatingsRepo } from '../storage/widget/widgetRatingsRepo.js';
import type { AnswerCache } from './answerCache.js';
import type { AnswerRuns } from './answerRuns.js';
import type { ConversationHub } from './conversationHub.js';
import type { ConversationLog } from './conversationLog.js';
import { lastingEventId } from './eventIds.js';
import { handOff, type Notify } from './handoffs.js';
import type { Visitor } from './visitorSessions.js';
import { eventOf, visitorConversation } from './widgetEvents.js';
import type { ResolvedSite } from './widgetSites.js';

export interface VisitorConversationDeps {
  conversations: WidgetConversationsRepo;
  ratings: WidgetRatingsRepo;
  log: ConversationLog;
  hub: ConversationHub;
  answers: AnswerRuns;
  notify: Notify;
  cache: AnswerCache;
}

/** Messages a history returns at most: the newest ones. */
const HISTORY_LIMIT = 500;

export function visitorConversations(deps: VisitorConversationDeps) {
  async function own(visitor: Visitor, conversationId: string): Promise<StoredWidgetConversation> {
    const conversation = await deps.conversations.ofVisitor(visitor.tenantId, visitor.siteId, visitor.visitorId, conversationId);
    if (conversation === undefined) throw new ServiceError('NOT_FOUND', 'No such conversation');
    return conversation;
  }

  const shown = async (c: StoredWidgetConversation) => visitorConversation(c, (await deps.ratings.get(c.tenantId, c.id))?.score);

  return {
    /** The visitor's open conversation, or a new one (`created`). */
    async open(visitor: Visitor): Promise<{ conversation: WidgetConversation; created: boolean }> {
      const { conversation, created } = await deps.conversations.openOrCreate({
        tenantId: visitor.tenantId,
        siteId: visitor.siteId,
        visitorId: visitor.visitorId,
        visitorUserId: visitor.userId ?? null,
        visitorName: visitor.name ?? null,
        channel: 'widget',
      });
      return { conversation: created ? deps.log.announceNew(conversation) : await shown(conversation), created };
    },

    async history(visitor: Visitor, conversationId: string): Promise<WidgetHistory> {
      const conversation = await own(visitor, conversationId);
      const from = Math.max(0, conversation.lastSeq - HISTORY_LIMIT);
      const messages = await deps.conversations.messagesAfter(visitor.tenantId, conversation.id, from, HISTORY_LIMIT);
      const events = messages.flatMap((m) => {
        const event = eventOf(m);
        return event === undefined ? [] : [{ id: lastingEventId(conversation.id, m.seq), event }];
      });
      return { conversation: await shown(conversation), events, lastEventId: lastingEventId(conversation.id, conversation.lastSeq) };
    },

    async send(
      site: ResolvedSite,
      visitor: Visitor,
      conversationId: string,
      input: WidgetSendInput,
      requestId?: string,
    ): Promise<WidgetSent> {
      const conversation = await own(visitor, conversationId);
      const text = normaliseUntrusted(input.text).trim();
      if (text === '') throw new ServiceError('BAD_REQUEST', 'The message is empty');
      const result = await deps.log.append({
        tenantId: visitor.tenantId,
        conversationId: conversation.id,
        message: { author: 'visitor', kind: 'message', text, dedupeKey: `msg:${conversation.id}:${input.clientMessageId}` },
        when: ['ai', 'waiting-for-human', 'human'],
      });
      if (result === undefined) throw new ServiceError('NOT_FOUND', 'No such conversation');
      if (result.kind === 'refused') throw new ServiceError('CONFLICT', 'This conversation is closed; open a new one');
      const { message } = result;
      // Only a newly stored message is answered, and only while the AI has the conversation: after a handoff it stays silent.
      if (result.kind === 'appended' && result.conversation.status === 'ai')
        deps.answers.start(result.conversation, site.confidenceThreshold, requestId);
      return {
        message: { id: message.id, text: message.text, sentAt: message.createdAt },
        eventId: lastingEventId(conversation.id, message.seq),
      };
    },

    /**
     * The question the visitor is typing: the answer cache gets its embedding ready, so a cached
     * answer to it is found without embedding after it is sent. Only for anonymous visitors (a
     * verified visitor's answers are never cached); normalised as a sent message is, then redacted
     * by the cache before anything else reads it; nothing is stored or logged.
     */
    preview(visitor: Visitor, input: WidgetPreviewInput): void {
      if (visitor.userId !== undefined) return;
      const text = normaliseUntrusted(input.text).trim();
      if (text === '') return;
      // Not waited for: the visitor's request is answered at once.
      void deps.cache.prepare({ tenantId: visitor.tenantId, siteId: visitor.siteId, visitorKey: visitor.visitorId, text });
    },

    /** "Talk to a person": the AI stops (an answer in progress is dropped) and the conversation waits for one. */
    async requestHuman(visitor: Visitor, conversationId: string): Promise<WidgetConversation> {
      const conversation = await own(visitor, conversationId);
      if (conversation.status === 'closed') throw new ServiceError('CONFLICT', 'This conversation is closed; open a new one');
      if (conversation.status !== 'ai') return shown(conversation);
      deps.hub.interrupt(conversation.id);
      return shown((await handOff(deps.log, deps.notify, conversation, 'asked-for-human')) ?? conversation);
    },

    async rate(visitor: Visitor, conversationId: string, input: WidgetRatingInput): Promise<WidgetRating> {
      const conversation = await own(visitor, conversationId);
      const comment = input.comment === undefined ? '' : normaliseUntrusted(input.comment).trim();
      const rating = await deps.ratings.rate({
        tenantId: visitor.tenantId,
        conversationId: conversation.id,
        score: input.score,
        comment: comment === '' ? null : comment,
      });
      return {
        conversationId: rating.conversationId,
        score: rating.score,
        ...(rating.comment === null ? {} : { comment: rating.comment }),
        ratedAt: rating.ratedAt,
      };
    },
  };
}
export type VisitorConversations = ReturnType<typeof visitorConversations>;
