/**
 * Handing a conversation to a person: one stored `handoff` (only while the AI has it, so two
 * reasons arriving together hand off once), the conversation moved to `waiting-for-human` with
 * its analysis and the change the visitor asked for, and the outbound webhook `handoff.created`
 * told — ids, reason and whether the visitor is verified, never the transcript.
 */
import type { ActionSuggestion, TicketAnalysis, WidgetHandoffReason } from '@tandem/shared';
import type { StoredWidgetConversation } from '../storage/widget/widgetConversationsRepo.js';
import type { ConversationLog } from './conversationLog.js';

/** Tells the workspace's own systems (outbound webhooks); never throws, never waits. */
export type Notify = (tenantId: string, type: 'handoff.created', data: Record<string, unknown>) => void;

export interface HandoffDetails {
  analysis?: TicketAnalysis | undefined;
  pendingAction?: ActionSuggestion | undefined;
}

/** Hands off; returns the conversation as it is now (unchanged when it was not the AI's). */
export async function handOff(
  log: ConversationLog,
  notify: Notify,
  conversation: Pick<StoredWidgetConversation, 'tenantId' | 'id'>,
  reason: WidgetHandoffReason,
  details: HandoffDetails = {},
): Promise<StoredWidgetConversation | undefined> {
  const result = await log.append({
    tenantId: conversation.tenantId,
    conversationId: conversation.id,
    message: { author: 'system', kind: 'handoff', data: { reason } },
    when: ['ai'],
    change: {
      status: 'waiting-for-human',
      handoffReason: reason,
      ...(details.analysis === undefined ? {} : { analysis: details.analysis }),
      pendingAction: details.pendingAction ?? null,
    },
  });
  if (result?.kind !== 'appended') return result?.conversation;
  const handed = result.conversation;
  notify(handed.tenantId, 'handoff.created', {
    conversationId: handed.id,
    siteId: handed.siteId,
    reason,
    channel: handed.channel,
    verified: handed.visitorUserId !== null,
    ...(handed.visitorUserId === null ? {} : { customer: { userId: handed.visitorUserId } }),
    ...(details.pendingAction === undefined
      ? {}
      : { pendingAction: { suggestionId: details.pendingAction.id, action: details.pendingAction.action } }),
    at: result.message.createdAt,
  });
  return handed;
}
