/**
 * An ingestion job as it runs: documents done of all, then how it ended and each document it
 * could not store (the errors a lead fixes at the source).
 */
import { isFinished, useJob } from '../../hooks/useKnowledge';
import { ProgressBar } from '../../shell/ProgressBar';
import { ErrorState } from '../../shell/QueryView';
import { errorText } from '../../shell/queryClient';

export function JobStatus({ jobId, compact = false }: { jobId: string; compact?: boolean }) {
  const job = useJob(jobId);
  if (job.isError) return <ErrorState message={errorText(job.error)} />;
  const report = job.data;
  if (report === undefined) return <p className="muted small">Starting…</p>;
  const done = report.documentsDone + report.documentsFailed;
  return (
    <div className="job" data-testid="job-status" data-status={report.status}>
      {isFinished(report) ? (
        <p className={`small job__result job__result--${report.status}`}>
          {report.status === 'succeeded' ? 'Done' : report.status === 'failed' ? 'Failed' : 'Cancelled'}: {report.documentsDone} stored
          {report.documentsFailed === 0 ? '' : `, ${report.documentsFailed} failed`}
        </p>
      ) : (
        <ProgressBar label="Indexing" value={done} max={report.documentsTotal === 0 ? null : report.documentsTotal} testId="job-progress" />
      )}
      {compact || report.errors.length === 0 ? null : (
        <ul className="job__errors" data-testid="job-errors">
          {report.errors.map((e) => (
            <li key={`${e.item}:${e.code}`}>
              <span className="truncate">{e.item}</span>: {e.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
