/**
 * Was this draft any good? One rating per draft (Helpful / Not helpful), sent through the `onRate`
 * the panel gives it; afterwards the buttons show the choice. A failed send can be tried again.
 */
import type { DraftFeedback as DraftFeedbackInput } from '@tandem/shared';
import { useId, useState } from 'react';

export type DraftRating = NonNullable<DraftFeedbackInput['rating']>;

const LABELS: Record<DraftRating, string> = { helpful: 'Helpful', 'not-helpful': 'Not helpful' };

type RateState =
  | { kind: 'unrated' }
  | { kind: 'sending'; rating: DraftRating }
  | { kind: 'rated'; rating: DraftRating }
  | { kind: 'failed'; error: string };

/** Give it `key={draftId}`: a new draft gets a fresh, unrated component. */
export function DraftFeedback({ onRate }: { onRate: (rating: DraftRating) => Promise<unknown> }) {
  const [state, setState] = useState<RateState>({ kind: 'unrated' });
  const questionId = useId();

  const rate = async (rating: DraftRating) => {
    if (state.kind === 'sending' || state.kind === 'rated') return;
    setState({ kind: 'sending', rating });
    try {
      await onRate(rating);
      setState({ kind: 'rated', rating });
    } catch (error) {
      setState({ kind: 'failed', error: error instanceof Error && error.message !== '' ? error.message : 'Could not send the rating' });
    }
  };

  const chosen = state.kind === 'sending' || state.kind === 'rated' ? state.rating : undefined;
  return (
    <div className="feedback" role="group" aria-labelledby={questionId}>
      <span id={questionId} className="muted">
        Was this draft helpful?
      </span>
      {(['helpful', 'not-helpful'] as const).map((rating) => (
        <button
          key={rating}
          type="button"
          data-testid={`feedback-${rating}`}
          aria-pressed={chosen === rating}
          disabled={chosen !== undefined}
          className={chosen === rating ? 'feedback__chosen' : undefined}
          onClick={() => void rate(rating)}
        >
          {LABELS[rating]}
        </button>
      ))}
      {state.kind === 'rated' ? (
        <span className="muted" data-testid="feedback-status" role="status">
          Thanks, noted.
        </span>
      ) : null}
      {state.kind === 'failed' ? (
        <span className="error" data-testid="feedback-status" role="alert">
          {state.error}
        </span>
      ) : null}
    </div>
  );
}
