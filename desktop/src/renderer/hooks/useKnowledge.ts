/**
 * The knowledge screen's server state: sources, documents, search, and the jobs a lead starts
 * (crawl, re-sync), each a React Query over the tRPC client. Changes invalidate the lists.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { IngestJobReport } from '@tandem/shared';
import { useConsoleSession } from '../shell/consoleSession';

const KNOWLEDGE = ['knowledge'] as const;
/** How often a running job's progress is read. */
const JOB_POLL_MS = 500;

export function useSources() {
  const { client } = useConsoleSession();
  return useQuery({
    queryKey: [...KNOWLEDGE, 'sources'],
    queryFn: ({ signal }) => client.knowledge.sources.list.query(undefined, { signal }),
  });
}

export function useDocuments(sourceId: string | undefined) {
  const { client } = useConsoleSession();
  return useQuery({
    queryKey: [...KNOWLEDGE, 'documents', sourceId ?? 'all'],
    queryFn: ({ signal }) =>
      client.knowledge.documents.list.query({ ...(sourceId === undefined ? {} : { sourceId }), limit: 200 }, { signal }),
  });
}

export function useKnowledgeSearch(query: string) {
  const { client } = useConsoleSession();
  const text = query.trim();
  return useQuery({
    queryKey: [...KNOWLEDGE, 'search', text],
    queryFn: ({ signal }) => client.knowledge.search.query({ query: text, k: 5 }, { signal }),
    enabled: text !== '',
  });
}

/** A job's report, read again while it runs; the lists refresh when it ends. */
export function useJob(jobId: string | null) {
  const { client } = useConsoleSession();
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: [...KNOWLEDGE, 'job', jobId],
    queryFn: async ({ signal }): Promise<IngestJobReport> => {
      const report = await client.knowledge.job.query({ jobId: jobId as string }, { signal });
      if (isFinished(report)) void queryClient.invalidateQueries({ queryKey: [...KNOWLEDGE, 'sources'] });
      if (isFinished(report)) void queryClient.invalidateQueries({ queryKey: [...KNOWLEDGE, 'documents'] });
      return report;
    },
    enabled: jobId !== null,
    refetchInterval: (q) => (q.state.data !== undefined && isFinished(q.state.data) ? false : JOB_POLL_MS),
  });
}

export function isFinished(report: Pick<IngestJobReport, 'status'>): boolean {
  return report.status !== 'queued' && report.status !== 'running';
}

export function useCrawl() {
  const { client } = useConsoleSession();
  return useMutation({
    mutationFn: (input: { url: string; depth: number; maxPages: number }) =>
      client.knowledge.ingestUrls.mutate({ urls: [input.url], depth: input.depth, maxPages: input.maxPages }),
  });
}

export function useResync() {
  const { client } = useConsoleSession();
  return useMutation({ mutationFn: (sourceId: string) => client.knowledge.sources.resync.mutate({ sourceId }) });
}

export function useDeleteDocument() {
  const { client } = useConsoleSession();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (documentId: string) => client.knowledge.documents.delete.mutate({ documentId }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KNOWLEDGE }),
  });
}
