/**
 * Picks what a lead should review out of widget transcripts: AI answers scored below the
 * workspace's review threshold, and questions the AI handed to a person because it had no
 * answer, scored too low or was flagged (paired with the person's reply, when one came).
 * Items already approved (their document exists) are left out by the caller.
 */
import type { WidgetConversationDetail, WidgetHandoffReason, WidgetTranscriptEntry } from '@tandem/shared';
import type { ReviewItem } from './list.schema.js';

/** Handoffs that mean the knowledge base fell short; asking for a person or an action does not. */
const FLAGGED_REASONS: ReadonlySet<WidgetHandoffReason> = new Set(['no-answer', 'low-confidence', 'needs-review', 'unavailable']);

/** The external id an approved item's knowledge document is stored under. */
export const reviewDocumentId = (itemId: string) => `review-${itemId}`;

/** The source approved answers are stored in. */
export const REVIEWED_SOURCE = 'Reviewed answers';

export function reviewItemsOf(detail: WidgetConversationDetail, threshold: number): ReviewItem[] {
  const items: ReviewItem[] = [];
  const { transcript, conversation } = detail;
  const base = {
    conversationId: conversation.conversationId,
    siteName: conversation.siteName,
    ...(conversation.visitor.name === undefined ? {} : { visitorName: conversation.visitor.name }),
  };
  transcript.forEach((entry, index) => {
    const question = lastVisitorMessage(transcript, index);
    if (question === undefined) return;
    if (entry.author === 'ai' && entry.kind === 'answer' && entry.confidence !== undefined && entry.confidence < threshold) {
      items.push({
        ...base,
        id: entry.id,
        kind: 'low-confidence',
        question: question.text,
        answer: entry.text,
        answeredBy: 'ai',
        confidence: entry.confidence,
        citations: entry.citations ?? [],
        at: entry.at,
      });
    } else if (
      entry.author === 'system' &&
      entry.kind === 'handoff' &&
      entry.handoffReason !== undefined &&
      FLAGGED_REASONS.has(entry.handoffReason)
    ) {
      const reply = transcript.slice(index + 1).find((e) => e.author === 'human' || (e.author === 'visitor' && e.kind === 'message'));
      const human = reply?.author === 'human' ? reply : undefined;
      items.push({
        ...base,
        id: entry.id,
        kind: 'flagged',
        handoffReason: entry.handoffReason,
        question: question.text,
        answer: human?.text ?? '',
        answeredBy: human === undefined ? 'nobody' : 'human',
        citations: [],
        at: entry.at,
      });
    }
  });
  return items;
}

/** The visitor's message an entry answers: the latest one before it. */
function lastVisitorMessage(transcript: readonly WidgetTranscriptEntry[], before: number): WidgetTranscriptEntry | undefined {
  for (let i = before - 1; i >= 0; i--) {
    const entry = transcript[i] as WidgetTranscriptEntry;
    if (entry.author === 'visitor' && entry.kind === 'message') return entry;
  }
  return undefined;
}
