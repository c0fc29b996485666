/**
 * The analytics events of the agent copilot's facts (the extension's drafts and actions, ratings
 * of widget conversations), built for the repositories that store those facts to append in the
 * same transaction. Draft and action events carry no customer id: the ticket's requester is not
 * stored with them.
 */
import type { AnalyticsEventInput } from '@tandem/shared';

const KIND_OF_OUTCOME = { 'sent-as-is': 'draft.inserted', 'sent-edited': 'draft.edited', discarded: 'draft.discarded' } as const;

export function draftOutcomeEvent(f: {
  tenantId: string;
  draftId: string;
  tokenId: string;
  outcome: keyof typeof KIND_OF_OUTCOME;
  keptRatio: number | null;
  at: string;
}): AnalyticsEventInput {
  const kind = KIND_OF_OUTCOME[f.outcome];
  return {
    workspaceId: f.tenantId,
    channel: 'extension',
    agentId: f.tokenId,
    customerId: null,
    conversationId: null,
    occurredAt: f.at,
    // One outcome per draft: a later, different report does not count the draft twice.
    dedupeKey: `draft:${f.draftId}:outcome`,
    data:
      kind === 'draft.edited'
        ? { kind, draftId: f.draftId, keptRatio: f.keptRatio === null ? null : Math.min(1, Math.max(0, f.keptRatio)) }
        : { kind, draftId: f.draftId },
  };
}

export function actionEvent(f: {
  tenantId: string;
  key: string;
  ticketId: string | null;
  agentId: string | null;
  action: string;
  at: string;
  ok?: boolean;
}): AnalyticsEventInput {
  return {
    workspaceId: f.tenantId,
    channel: 'extension',
    agentId: f.agentId,
    customerId: null,
    conversationId: f.ticketId === null ? null : f.ticketId.slice(0, 200),
    occurredAt: f.at,
    dedupeKey: `action:${f.key}:${f.ok === undefined ? 'suggested' : 'executed'}`,
    data:
      f.ok === undefined
        ? { kind: 'action.suggested', action: f.action.slice(0, 100) }
        : { kind: 'action.executed', action: f.action.slice(0, 100), ok: f.ok },
  };
}
