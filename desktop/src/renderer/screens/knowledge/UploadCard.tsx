/** Upload files into a named source, with the bytes sent shown as they go, then the indexing job. */
import { useId, useState, type FormEvent } from 'react';
import { formatBytes, useUpload } from '../../hooks/useUpload';
import { useConsoleSession } from '../../shell/consoleSession';
import { ProgressBar } from '../../shell/ProgressBar';
import { ErrorState } from '../../shell/QueryView';
import { JobStatus } from './JobStatus';

export function UploadCard() {
  const { state, upload } = useUpload();
  const maxBytes = useConsoleSession().info.limits.maxUploadBytes;
  const [files, setFiles] = useState<File[]>([]);
  const [sourceName, setSourceName] = useState('Uploads');
  const fileId = useId();
  const nameId = useId();
  const busy = state.phase === 'reading' || state.phase === 'uploading';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    upload(files, sourceName.trim() === '' ? 'Uploads' : sourceName.trim());
  };

  return (
    <section className="card" aria-labelledby="upload-heading">
      <h2 className="card__title" id="upload-heading">
        Upload files
      </h2>
      <form className="form" onSubmit={submit}>
        <label className="field__label" htmlFor={fileId}>
          Files
        </label>
        <input
          id={fileId}
          className="field__input"
          type="file"
          multiple
          data-testid="upload-input"
          onChange={(e) => setFiles(Array.from(e.currentTarget.files ?? []))}
        />
        <p className="muted small">PDF, Word, HTML, Markdown or text, up to {formatBytes(maxBytes)} each.</p>
        <label className="field__label" htmlFor={nameId}>
          Source
        </label>
        <input
          id={nameId}
          className="field__input"
          value={sourceName}
          maxLength={200}
          onChange={(e) => setSourceName(e.currentTarget.value)}
        />
        <button className="button button--primary" type="submit" disabled={busy || files.length === 0} data-testid="upload-submit">
          {busy ? 'Uploading…' : files.length > 1 ? `Upload ${files.length} files` : 'Upload'}
        </button>
      </form>
      {state.phase === 'reading' ? <ProgressBar label="Reading files" value={0} max={null} /> : null}
      {state.phase === 'uploading' ? (
        <ProgressBar
          label={`Uploading ${formatBytes(state.loaded)} of ${formatBytes(state.total)}`}
          value={state.loaded}
          max={state.total}
          testId="upload-progress"
        />
      ) : null}
      {state.phase === 'sent' ? (
        <>
          <ProgressBar label="Uploaded" value={1} max={1} testId="upload-progress" />
          <JobStatus jobId={state.started.jobId} />
        </>
      ) : null}
      {state.phase === 'failed' ? <ErrorState message={state.message} /> : null}
    </section>
  );
}
