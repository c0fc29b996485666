/**
 * Under a finished draft: how far to trust it, in words. The level as a badge, the review flag,
 * the reasons (explainConfidence), the server's notes, and the one thing to check first.
 */
import type { DraftState } from './draftState';
import { explainConfidence } from './confidenceReason';

const LEVEL_TONE = { high: 'ok', medium: 'warn', low: 'danger' } as const;

export function ConfidenceNote({ state, edited }: { state: DraftState; edited: boolean }) {
  const explained = explainConfidence(state);
  return (
    <div className={`confidence confidence--${explained.level}`} data-testid="draft-trust" data-level={explained.level}>
      <p className="confidence__badges">
        <span className={`badge badge--${LEVEL_TONE[explained.level]}`} data-testid="draft-confidence">
          {explained.label}
        </span>
        {state.needsReview ? (
          <span className="badge badge--warn" data-testid="needs-review">
            Needs review
          </span>
        ) : null}
        {edited ? (
          <span className="badge" data-testid="draft-edited">
            Edited
          </span>
        ) : null}
      </p>
      {explained.reasons.length === 0 ? null : (
        <ul className="confidence__reasons" data-testid="confidence-reasons">
          {explained.reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      )}
      {state.notes.length === 0 ? null : (
        <ul className="confidence__reasons" data-testid="draft-notes">
          {state.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      {explained.check === undefined ? null : (
        <p className="confidence__check" data-testid="confidence-check">
          <strong>Check:</strong> {explained.check}
        </p>
      )}
    </div>
  );
}
