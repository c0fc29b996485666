/**
 * The analytics events a widget conversation's facts make, derived from a stored message and the
 * conversation before and after it, appended by the widget repositories inside the transaction
 * that stores the message. Dedupe keys are built from the message (or the conversation for
 * once-per-conversation facts such as the first response), so a retried write adds nothing.
 *
 * The customer id is the widget's random visitor id, never the verified user id (often an e-mail).
 */
import {
  analyticsHandoffCauseSchema,
  type AnalyticsChannel,
  type AnalyticsEventData,
  type AnalyticsEventInput,
  type AnalyticsHandoffCause,
} from '@tandem/shared';
import { createHash } from 'node:crypto';
import type { SqlExecutor } from '../database.js';
import { appendAnalyticsEvents } from './analyticsEventsRepo.js';

export interface ConversationFacts {
  id: string;
  tenantId: string;
  visitorId: string;
  channel: string;
  createdAt: string;
  agentTokenId: string | null;
  handoffReason: string | null;
}
export interface MessageFacts {
  id: string;
  author: 'visitor' | 'ai' | 'human' | 'system';
  kind: string;
  confidence: number | null;
  citations: unknown[] | null;
  data: Record<string, unknown> | null;
  createdAt: string;
}

const FALLBACK_CAUSES: ReadonlySet<AnalyticsHandoffCause> = new Set(['no-answer', 'low-confidence', 'unavailable']);

/** The visitor id as is, or hashed if it ever looks like an e-mail (analytics never holds one). */
export const opaqueCustomerId = (visitorId: string): string =>
  visitorId.includes('@') || visitorId.length > 200
    ? `h_${createHash('sha256').update(visitorId).digest('base64url').slice(0, 22)}`
    : visitorId;

export const analyticsChannelOf = (channel: string): AnalyticsChannel =>
  channel === 'widget' || channel === 'extension' ? channel : 'api';

function sourceIdsOf(citations: unknown[] | null): string[] {
  const ids: string[] = [];
  for (const c of citations ?? []) {
    if (typeof c !== 'object' || c === null) continue;
    // Widget citations carry the article's url or title, not a document id.
    const { url, title } = c as { url?: unknown; title?: unknown };
    const id = typeof url === 'string' ? url : typeof title === 'string' ? title : undefined;
    if (id !== undefined && id.length > 0) ids.push(id.slice(0, 200));
  }
  return ids.slice(0, 100);
}

function causeOf(message: MessageFacts, after: ConversationFacts): AnalyticsHandoffCause {
  const parsed = analyticsHandoffCauseSchema.safeParse(message.data?.reason ?? after.handoffReason);
  return parsed.success ? parsed.data : 'agent-took-over';
}

/** The conversation-started event of a conversation just created. */
export function conversationStarted(c: ConversationFacts): AnalyticsEventInput {
  return {
    workspaceId: c.tenantId,
    channel: analyticsChannelOf(c.channel),
    agentId: null,
    customerId: opaqueCustomerId(c.visitorId),
    conversationId: c.id,
    occurredAt: c.createdAt,
    dedupeKey: `wc:${c.id}:started`,
    data: { kind: 'conversation.started' },
  };
}

/**
 * Events of one stored message. `humanReplied`: whether a person has written in the conversation
 * (before or with this message); the close needs it.
 */
export function messageEvents(message: MessageFacts, after: ConversationFacts, humanReplied: boolean): AnalyticsEventInput[] {
  const base = {
    workspaceId: after.tenantId,
    channel: analyticsChannelOf(after.channel),
    agentId: after.agentTokenId,
    customerId: opaqueCustomerId(after.visitorId),
    conversationId: after.id,
    occurredAt: message.createdAt,
  };
  const out: AnalyticsEventInput[] = [];
  const add = (key: string, data: AnalyticsEventData) => out.push({ ...base, dedupeKey: `wm:${message.id}:${key}`, data });
  const sinceStart = Math.max(0, Date.parse(message.createdAt) - Date.parse(after.createdAt));
  const firstResponse = (responder: 'ai' | 'human') =>
    out.push({ ...base, dedupeKey: `wc:${after.id}:first-response`, data: { kind: 'response.first', responder, waitMs: sinceStart } });

  if (message.author === 'ai' && message.kind === 'answer') {
    firstResponse('ai');
    add('answer', { kind: 'ai.answered', confidence: message.confidence ?? 0, sourceDocumentIds: sourceIdsOf(message.citations) });
  } else if (message.author === 'human' && message.kind === 'message') {
    firstResponse('human');
    add('reply', { kind: 'human.replied' });
  } else if (message.author === 'system' && message.kind === 'handoff') {
    const cause = causeOf(message, after);
    if (FALLBACK_CAUSES.has(cause)) add('fallback', { kind: 'ai.fallback', reason: cause });
    add('handoff', { kind: 'handoff', cause, by: cause === 'asked-for-human' ? 'customer' : cause === 'agent-took-over' ? 'agent' : 'ai' });
  } else if (message.author === 'system' && message.kind === 'handback') {
    add('handback', { kind: 'handback' });
  } else if (message.author === 'system' && message.kind === 'closed') {
    add('resolved', { kind: 'conversation.resolved', by: humanReplied ? 'human' : 'ai', humanReplied, handleMs: sinceStart });
  }
  return out;
}

/** Appends a message's events in the caller's transaction; asks the stored messages whether a person wrote. */
export async function recordWidgetMessage(tx: SqlExecutor, message: MessageFacts, after: ConversationFacts): Promise<void> {
  let humanReplied = message.author === 'human';
  if (!humanReplied && message.kind === 'closed') {
    const rows = await tx.query(`select 1 from widget_messages where conversation_id = $1 and author = 'human' limit 1`, [after.id]);
    humanReplied = rows.length > 0;
  }
  const events = messageEvents(message, after, humanReplied);
  if (events.length > 0) await appendAnalyticsEvents(tx, events);
}

/** An action the visitor asked for, pre-filled for an agent: an action suggestion. */
export function actionSuggested(after: ConversationFacts, action: string, at: string, key: string): AnalyticsEventInput {
  return {
    workspaceId: after.tenantId,
    channel: analyticsChannelOf(after.channel),
    agentId: after.agentTokenId,
    customerId: opaqueCustomerId(after.visitorId),
    conversationId: after.id,
    occurredAt: at,
    dedupeKey: `wm:${key}:action-suggested`,
    data: { kind: 'action.suggested', action: action.slice(0, 100) || 'unknown' },
  };
}
