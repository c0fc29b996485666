/**
 * Knowledge: upload files (with a progress bar) and crawl websites, see each source's freshness
 * and each job's errors, re-sync web sources, list and delete documents, and try a search to
 * check what the copilot would find.
 */
import { useMemo, useState } from 'react';
import type { Source } from '@tandem/shared';
import { useDeleteDocument, useDocuments, useResync, useSources } from '../hooks/useKnowledge';
import { ConfirmButton } from '../shell/ConfirmButton';
import { EmptyState, ErrorState, QueryView } from '../shell/QueryView';
import { errorText } from '../shell/queryClient';
import { formatAgo, freshness } from '../shell/relativeTime';
import { CrawlCard } from './knowledge/CrawlCard';
import { JobStatus } from './knowledge/JobStatus';
import { SearchCard } from './knowledge/SearchCard';
import { UploadCard } from './knowledge/UploadCard';
import { TableHead } from '../shell/TableHead';

const KIND_LABEL: Record<Source['kind'], string> = {
  upload: 'Uploads',
  url: 'Website',
  folder: 'Folder',
  'help-center': 'Help center',
  webhook: 'Webhook',
  answer: 'Answers',
};

export function KnowledgeScreen() {
  const sources = useSources();
  const [sourceId, setSourceId] = useState<string | undefined>(undefined);
  const names = useMemo(() => new Map((sources.data ?? []).map((s) => [s.id, s.name])), [sources.data]);

  return (
    <div className="stack">
      <div className="grid grid--3">
        <UploadCard />
        <CrawlCard />
        <SearchCard />
      </div>

      <section className="card" aria-labelledby="sources-heading">
        <div className="card__header">
          <h2 className="card__title" id="sources-heading">
            Sources
          </h2>
          <span className="muted">{sources.data === undefined ? '' : `${sources.data.length} in all`}</span>
        </div>
        <QueryView
          query={sources}
          what="sources"
          isEmpty={(list) => list.length === 0}
          empty={
            <EmptyState title="No knowledge yet">
              Upload files or crawl your help center to give the copilot something to answer from.
            </EmptyState>
          }
        >
          {(list) => <SourcesTable sources={list} selected={sourceId} onSelect={setSourceId} />}
        </QueryView>
      </section>

      <DocumentsCard
        sourceId={sourceId}
        sourceName={sourceId === undefined ? undefined : names.get(sourceId)}
        names={names}
        onShowAll={() => setSourceId(undefined)}
      />
    </div>
  );
}

function SourcesTable({
  sources,
  selected,
  onSelect,
}: {
  sources: readonly Source[];
  selected: string | undefined;
  onSelect(id: string): void;
}) {
  const resync = useResync();
  const [job, setJob] = useState<{ sourceId: string; jobId: string } | null>(null);
  return (
    <>
      {resync.isError ? <ErrorState message={errorText(resync.error)} /> : null}
      <div className="table-wrap">
        <table className="table" data-testid="sources-table">
          <TableHead columns={['Name', 'Kind', 'Last synced']} />
          <tbody>
            {sources.map((source) => {
              const fresh = freshness(source.lastSyncedAt);
              return (
                <tr key={source.id} className={source.id === selected ? 'table__row--selected' : undefined}>
                  <td>
                    <button className="link-button" type="button" onClick={() => onSelect(source.id)} aria-pressed={source.id === selected}>
                      {source.name}
                    </button>
                    {source.location === undefined ? null : <div className="muted small truncate">{source.location}</div>}
                  </td>
                  <td>{KIND_LABEL[source.kind]}</td>
                  <td>
                    <span className={`pill pill--${fresh}`}>
                      {fresh === 'never' ? 'Never synced' : fresh === 'stale' ? 'Stale' : 'Fresh'}
                    </span>{' '}
                    {source.lastSyncedAt === null ? null : <span className="muted small">{formatAgo(source.lastSyncedAt)}</span>}
                    {job?.sourceId === source.id ? <JobStatus jobId={job.jobId} compact /> : null}
                  </td>
                  <td className="table__actions">
                    {source.kind === 'url' ? (
                      <button
                        className="button button--ghost button--small"
                        type="button"
                        disabled={resync.isPending}
                        onClick={() =>
                          resync.mutate(source.id, { onSuccess: (started) => setJob({ sourceId: source.id, jobId: started.jobId }) })
                        }
                      >
                        Re-sync
                      </button>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}

function DocumentsCard(props: {
  sourceId: string | undefined;
  sourceName: string | undefined;
  names: Map<string, string>;
  onShowAll(): void;
}) {
  const documents = useDocuments(props.sourceId);
  const remove = useDeleteDocument();
  return (
    <section className="card" aria-labelledby="documents-heading">
      <div className="card__header">
        <h2 className="card__title" id="documents-heading">
          Documents{props.sourceName === undefined ? '' : ` in ${props.sourceName}`}
        </h2>
        {props.sourceId === undefined ? null : (
          <button className="button button--ghost button--small" type="button" onClick={props.onShowAll}>
            Show all
          </button>
        )}
      </div>
      {remove.isError ? <ErrorState message={errorText(remove.error)} /> : null}
      <QueryView
        query={documents}
        what="documents"
        isEmpty={(list) => list.length === 0}
        empty={<EmptyState title="No documents here yet" />}
      >
        {(list) => (
          <div className="table-wrap">
            <table className="table" data-testid="documents-table">
              <TableHead columns={['Title', 'Source', 'Version', 'Updated']} />
              <tbody>
                {list.map((doc) => (
                  <tr key={doc.id}>
                    <td className="table__title">
                      {doc.url === undefined ? (
                        doc.title
                      ) : (
                        <a href={doc.url} target="_blank" rel="noreferrer noopener">
                          {doc.title}
                        </a>
                      )}
                    </td>
                    <td>{props.names.get(doc.sourceId) ?? 'Unknown source'}</td>
                    <td>v{doc.version}</td>
                    <td className="nowrap">{formatAgo(doc.updatedAt)}</td>
                    <td className="table__actions">
                      <ConfirmButton
                        label="Delete"
                        question={`Delete “${doc.title}”?`}
                        busy={remove.isPending && remove.variables === doc.id}
                        onConfirm={() => remove.mutate(doc.id)}
                        testId={`delete-${doc.externalId}`}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryView>
    </section>
  );
}
