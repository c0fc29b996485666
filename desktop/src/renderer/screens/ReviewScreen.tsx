/**
 * The review queue: widget answers the copilot was unsure of, and questions it handed to a
 * person, each with the question, the answer (editable) and its sources. Approving stores the
 * answer as a knowledge document, searchable at once; the item then leaves the queue.
 */
import { useState } from 'react';
import type { WidgetHandoffReason } from '@tandem/shared';
import { useApproveReview, useRejectReview, useReviewQueue } from '../hooks/useReview';
import { EmptyState, ErrorState, QueryView } from '../shell/QueryView';
import { errorText } from '../shell/queryClient';
import { formatAgo } from '../shell/relativeTime';

type ReviewItem = NonNullable<ReturnType<typeof useReviewQueue>['data']>['items'][number];

const REASON: Record<WidgetHandoffReason, string> = {
  'asked-for-human': 'Visitor asked for a person',
  'no-answer': 'No answer in the knowledge base',
  'low-confidence': 'Answer withheld: low confidence',
  'negative-sentiment': 'Visitor upset',
  'action-needed': 'Action needed',
  'needs-review': 'Flagged for review',
  unavailable: 'Answer could not be written',
};

export function ReviewScreen() {
  const queue = useReviewQueue();
  // Kept here, not in the card: an approved item leaves the list as soon as it is refetched.
  const [approved, setApproved] = useState<string[]>([]);
  return (
    <>
      {approved.length === 0 ? null : (
        <div className="callout callout--ok" role="status" data-testid="review-approved">
          Added to the knowledge base: {approved.map((title) => `“${title}”`).join(', ')}.
        </div>
      )}
      <QueryView
        query={queue}
        what="the review queue"
        isEmpty={(data) => data.items.length === 0}
        empty={
          <EmptyState title="Nothing to review">
            Answers scored below the review threshold and questions handed to a person show up here.
          </EmptyState>
        }
      >
        {(data) => (
          <div className="stack">
            <p className="muted">
              {data.items.length} item{data.items.length === 1 ? '' : 's'} · answers scored below {Math.round(data.threshold * 100)}%
              confidence and questions the AI handed over
            </p>
            <ul className="review-list" data-testid="review-list">
              {data.items.map((item) => (
                <ReviewCard key={item.id} item={item} onApproved={(title) => setApproved((list) => [title, ...list])} />
              ))}
            </ul>
          </div>
        )}
      </QueryView>
    </>
  );
}

function ReviewCard({ item, onApproved }: { item: ReviewItem; onApproved(title: string): void }) {
  const approve = useApproveReview();
  const [editing, setEditing] = useState(item.answer === '');
  const [question, setQuestion] = useState(item.question);
  const [answer, setAnswer] = useState(item.answer);
  const reject = useRejectReview();
  const busy = approve.isPending || reject.isPending;
  const canApprove = question.trim() !== '' && answer.trim() !== '' && !busy;

  return (
    <li className="card review" data-testid="review-item" aria-label={`Review: ${item.question}`}>
      <div className="review__meta">
        <span className={`pill ${item.kind === 'low-confidence' ? 'pill--stale' : 'pill--never'}`}>
          {item.kind === 'low-confidence'
            ? `Low confidence · ${Math.round((item.confidence ?? 0) * 100)}%`
            : REASON[item.handoffReason ?? 'needs-review']}
        </span>
        <span className="muted small">
          {item.siteName} · {item.visitorName ?? 'Anonymous visitor'} · {formatAgo(item.at)}
        </span>
      </div>
      {editing ? (
        <div className="form">
          <label className="field__label">
            Question
            <input className="field__input" value={question} maxLength={2000} onChange={(e) => setQuestion(e.currentTarget.value)} />
          </label>
          <label className="field__label">
            Answer
            <textarea
              className="field__input field__textarea"
              rows={4}
              value={answer}
              placeholder="Write the answer the copilot should give"
              onChange={(e) => setAnswer(e.currentTarget.value)}
              data-testid="review-answer"
            />
          </label>
        </div>
      ) : (
        <>
          <p className="review__question">{question}</p>
          <p className="review__answer">
            <span className="review__by">{item.answeredBy === 'ai' ? 'AI' : 'Agent'}:</span> {answer}
          </p>
        </>
      )}
      {item.citations.length === 0 ? null : (
        <p className="small muted review__sources">
          Sources:{' '}
          {item.citations.map((c, i) => (
            <span key={c.n}>
              {i === 0 ? '' : ', '}[{c.n}]{' '}
              {c.url === undefined ? (
                c.title
              ) : (
                <a href={c.url} target="_blank" rel="noreferrer noopener">
                  {c.title}
                </a>
              )}
            </span>
          ))}
        </p>
      )}
      {approve.isError ? <ErrorState message={errorText(approve.error)} /> : null}
      {reject.isError ? <ErrorState message={errorText(reject.error)} /> : null}
      {approve.isSuccess ? (
        <p className="callout callout--ok" role="status">
          Added to the knowledge base as “{approve.data.title}”.
        </p>
      ) : (
        <div className="review__actions">
          <button
            className="button button--primary button--small"
            type="button"
            disabled={!canApprove}
            onClick={() =>
              approve.mutate(
                { itemId: item.id, question: question.trim(), answer: answer.trim() },
                { onSuccess: (doc) => onApproved(doc.title) },
              )
            }
            data-testid="review-approve"
          >
            {approve.isPending ? 'Approving…' : editing ? 'Save and approve' : 'Approve'}
          </button>
          {editing ? null : (
            <button className="button button--ghost button--small" type="button" onClick={() => setEditing(true)} data-testid="review-edit">
              Edit
            </button>
          )}
          <button
            className="button button--ghost button--small"
            type="button"
            disabled={busy}
            onClick={() => reject.mutate(item.id)}
            data-testid="review-reject"
          >
            {reject.isPending ? 'Rejecting…' : 'Reject'}
          </button>
        </div>
      )}
    </li>
  );
}
