/** Crawl a website (or its sitemap) into a source that re-syncs; the job's progress and errors follow. */
import { useId, useState, type FormEvent } from 'react';
import { useCrawl } from '../../hooks/useKnowledge';
import { ErrorState } from '../../shell/QueryView';
import { errorText } from '../../shell/queryClient';
import { JobStatus } from './JobStatus';

export function CrawlCard() {
  const crawl = useCrawl();
  const [url, setUrl] = useState('');
  const [depth, setDepth] = useState(1);
  const urlId = useId();
  const depthId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    crawl.mutate({ url: url.trim(), depth, maxPages: 200 });
  };

  return (
    <section className="card" aria-labelledby="crawl-heading">
      <h2 className="card__title" id="crawl-heading">
        Crawl a website
      </h2>
      <form className="form" onSubmit={submit}>
        <label className="field__label" htmlFor={urlId}>
          Start page or sitemap URL
        </label>
        <input
          id={urlId}
          className="field__input"
          type="url"
          required
          placeholder="https://help.example.com"
          value={url}
          onChange={(e) => setUrl(e.currentTarget.value)}
          data-testid="crawl-url"
        />
        <label className="field__label" htmlFor={depthId}>
          Follow links
        </label>
        <select id={depthId} className="field__input" value={depth} onChange={(e) => setDepth(Number(e.currentTarget.value))}>
          <option value={0}>This page only</option>
          <option value={1}>One click deep</option>
          <option value={2}>Two clicks deep</option>
          <option value={3}>Three clicks deep</option>
        </select>
        <button className="button button--primary" type="submit" disabled={crawl.isPending || url.trim() === ''} data-testid="crawl-submit">
          {crawl.isPending ? 'Starting…' : 'Crawl'}
        </button>
      </form>
      {crawl.isError ? <ErrorState message={errorText(crawl.error)} /> : null}
      {crawl.data === undefined ? null : <JobStatus jobId={crawl.data.jobId} />}
    </section>
  );
}
