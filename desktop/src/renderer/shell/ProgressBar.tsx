/** A labelled progress bar (role=progressbar with its value), determinate when the total is known. */
export function ProgressBar({ label, value, max, testId }: { label: string; value: number; max: number | null; testId?: string }) {
  const percent = max === null || max === 0 ? null : Math.min(100, Math.round((value / max) * 100));
  return (
    <div className="progress" data-testid={testId}>
      <div className="progress__label">
        <span>{label}</span>
        {percent === null ? null : <span className="progress__percent">{percent}%</span>}
      </div>
      <div
        className={percent === null ? 'progress__track progress__track--indeterminate' : 'progress__track'}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent ?? undefined}
      >
        <div className="progress__fill" style={{ width: `${percent ?? 35}%` }} />
      </div>
    </div>
  );
}
