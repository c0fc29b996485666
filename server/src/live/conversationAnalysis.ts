/**
 * Each draft's analysis goes into the customer's event log (as Tandem's own source), so the live
 * context sees frustration in conversations and its trigger can alert a lead. Only scores travel,
 * never text; one event per ticket state (the id hashes the messages).
 */
import { createHash } from 'node:crypto';
import type { TicketContext } from '@tandem/shared';
import type { LiveEventLog } from './liveEventLog.js';
import type { WebhookSources } from './webhookSources.js';

export const ASSIST_SOURCE_NAME = 'Tandem assist';

/** What travels of a draft's analysis: scores and labels, never the text. */
export interface ConversationScores {
  frustration: number;
  sentiment: string;
}

export function conversationAnalysisRecorder(sources: Pick<WebhookSources, 'ensure'>, eventLog: Pick<LiveEventLog, 'append'>) {
  const sourceIds = new Map<string, Promise<string>>();
  const sourceOf = (tenantId: string) => {
    let id = sourceIds.get(tenantId);
    if (id === undefined) {
      id = sources.ensure(tenantId, ASSIST_SOURCE_NAME).then((s) => s.id);
      id.catch(() => sourceIds.delete(tenantId));
      sourceIds.set(tenantId, id);
    }
    return id;
  };
  return async (tenantId: string, ticket: TicketContext, analysis: ConversationScores): Promise<void> => {
    const email = ticket.requester.email;
    if (email === undefined) return;
    const state = createHash('sha256')
      .update(ticket.messages.map((m) => m.body).join('\u0000'))
      .digest('hex')
      .slice(0, 16);
    await eventLog.append([
      {
        tenantId,
        sourceId: await sourceOf(tenantId),
        id: `analysis:${ticket.site}:${ticket.ticketId}:${state}`,
        type: 'generic',
        occurredAt: new Date().toISOString(),
        customer: { email },
        data: {
          kind: 'conversation.analyzed',
          ticketId: `${ticket.site}:${ticket.ticketId}`,
          frustration: analysis.frustration,
          sentiment: analysis.sentiment,
        },
      },
    ]);
  };
}
