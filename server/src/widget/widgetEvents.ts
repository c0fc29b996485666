/**
 * Stored conversations and messages as the visitor and the agents see them: a stored message is a
 * lasting stream event (`message`, `answer`, `proactive`, `human`, `handoff`, `handback`,
 * `closed`, `rating-request`), a transcript line, or the preview of a queue line. Values read
 * back from JSON columns are checked again; one that does not fit is dropped, never passed on.
 */
import {
  widgetCitationSchema,
  widgetHandoffReasonSchema,
  widgetProactiveTriggerSchema,
  type WidgetCitation,
  type WidgetConversation,
  type WidgetEvent,
  type WidgetHandoffReason,
  type WidgetQueueItem,
  type WidgetTranscriptEntry,
} from '@tandem/shared';
import { z } from 'zod';
import type { QueuedConversation, StoredWidgetConversation, StoredWidgetMessage } from '../storage/widget/widgetConversationsRepo.js';

const citationsSchema = z.array(widgetCitationSchema).catch([]);

export function citationsOf(message: Pick<StoredWidgetMessage, 'citations'>): WidgetCitation[] {
  return message.citations === null
    ? []
    : citationsSchema.parse(message.citations.map((c) => (typeof c === 'object' && c !== null ? pick(c) : c)));
}

/** The visitor-facing part of a stored citation (it also keeps the document id for agents and the cache). */
function pick(c: object): unknown {
  const { n, title, url } = c as { n?: unknown; title?: unknown; url?: unknown };
  return { n, title, ...(url === undefined ? {} : { url }) };
}

export function handoffReasonOf(value: unknown): WidgetHandoffReason | undefined {
  const parsed = widgetHandoffReasonSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** The lasting event a stored message stands for; undefined for a kind this version does not show. */
export function eventOf(message: StoredWidgetMessage): WidgetEvent | undefined {
  const conversationId = message.conversationId;
  const base = { id: message.id, text: message.text, sentAt: message.createdAt };
  const at = message.createdAt;
  switch (`${message.author}/${message.kind}`) {
    case 'visitor/message':
      return { type: 'message', conversationId, message: base };
    case 'ai/answer':
      return { type: 'answer', conversationId, message: { ...base, citations: citationsOf(message), confidence: message.confidence ?? 0 } };
    case 'ai/proactive': {
      const trigger = widgetProactiveTriggerSchema.safeParse(message.data?.['trigger']);
      return trigger.success ? { type: 'proactive', conversationId, trigger: trigger.data, message: base } : undefined;
    }
    case 'human/message':
      return { type: 'human', conversationId, message: { ...base, agent: { name: message.authorName ?? 'Support' } } };
    case 'system/handoff': {
      const reason = handoffReasonOf(message.data?.['reason']);
      return reason === undefined ? undefined : { type: 'handoff', conversationId, reason, at };
    }
    case 'system/handback':
      return { type: 'handback', conversationId, at };
    case 'system/closed':
      return { type: 'closed', conversationId, at };
    case 'system/rating-request':
      return { type: 'rating-request', conversationId, at };
    default:
      return undefined;
  }
}

export function visitorConversation(conversation: StoredWidgetConversation, rating?: number): WidgetConversation {
  return {
    id: conversation.id,
    status: conversation.status,
    ...(conversation.status === 'human' && conversation.agentName !== null ? { agent: { name: conversation.agentName } } : {}),
    ...(rating === undefined ? {} : { rating }),
    createdAt: conversation.createdAt,
    updatedAt: conversation.updatedAt,
  };
}

export function transcriptEntry(message: StoredWidgetMessage): WidgetTranscriptEntry {
  const citations = citationsOf(message);
  const reason = handoffReasonOf(message.data?.['reason']);
  return {
    id: message.id,
    seq: message.seq,
    author: message.author,
    kind: message.kind,
    text: message.text,
    at: message.createdAt,
    ...(message.authorName === null ? {} : { authorName: message.authorName }),
    ...(citations.length === 0 ? {} : { citations }),
    ...(message.confidence === null ? {} : { confidence: message.confidence }),
    ...(reason === undefined ? {} : { handoffReason: reason }),
  };
}

export function queueItem({ conversation, siteName, lastMessage }: QueuedConversation): WidgetQueueItem {
  const reason = handoffReasonOf(conversation.handoffReason);
  return {
    conversationId: conversation.id,
    siteId: conversation.siteId,
    siteName,
    status: conversation.status,
    ...(reason === undefined ? {} : { handoffReason: reason }),
    visitor: {
      id: conversation.visitorId,
      verified: conversation.visitorUserId !== null,
      ...(conversation.visitorName === null ? {} : { name: conversation.visitorName }),
      ...(conversation.visitorUserId === null ? {} : { userId: conversation.visitorUserId }),
    },
    ...(conversation.agentName === null ? {} : { agent: { name: conversation.agentName } }),
    ...(lastMessage === undefined ? {} : { lastMessage }),
    ...(conversation.status === 'waiting-for-human' && conversation.handoffAt !== null ? { waitingSince: conversation.handoffAt } : {}),
    createdAt: conversation.createdAt,
    updatedAt: conversation.updatedAt,
  };
}
