/**
 * What callers ask of the knowledge base, as services: start ingestion (uploads, help-center
 * articles, web pages), report on jobs, list and delete sources and documents. Refusals are
 * ServiceErrors with Tandem's codes; deletions reach the search indexes here, not in a router.
 */
import type { ingestFilesInputSchema, IngestJobReport, IngestJobStarted, IngestProgress, KnowledgeDocument, Source } from '@tandem/shared';
import type { z } from 'zod';
import { ServiceError } from '../errors/serviceError.js';
import type { Store } from '../storage/store.js';
import type { HelpCenterArticle } from './ingest/helpCenterArticle.js';
import type { IngestItem, IngestService } from './ingest/ingestService.js';
import { IngestError } from './ingestError.js';

export interface KnowledgeRequestDeps {
  store: Store;
  ingest: IngestService;
  maxUploadBytes: number;
  /** Tells this node's search indexes the store changed. */
  changed: () => void;
}

export interface DocumentListQuery {
  sourceId?: string | undefined;
  limit: number;
  offset: number;
}

export function knowledgeRequests({ store, ingest, maxUploadBytes, changed }: KnowledgeRequestDeps) {
  return {
    /** Uploaded files (base64) as one job, or more files for an open job; a file over the limit is a per-file error in the job. */
    async ingestFiles(tenantId: string, input: z.output<typeof ingestFilesInputSchema>): Promise<IngestJobStarted> {
      const items: IngestItem[] = input.files.map((file) => {
        // base64 is 4/3 of the bytes: reject an oversized file before decoding it.
        if (file.contentBase64.length * 0.75 > maxUploadBytes + 3) {
          return {
            kind: 'failed',
            name: file.name,
            error: new IngestError('TOO_LARGE', `Over the ${(maxUploadBytes / 1e6).toFixed(0)} MB limit`),
          };
        }
        return { kind: 'file', name: file.name, bytes: new Uint8Array(Buffer.from(file.contentBase64, 'base64')) };
      });
      try {
        return await ingest.submit(tenantId, { kind: 'upload', name: input.sourceName }, items, {
          ...(input.jobId === undefined ? {} : { jobId: input.jobId }),
          final: input.final,
        });
      } catch (err) {
        if (err instanceof IngestError) throw new ServiceError('CONFLICT', err.message);
        throw err;
      }
    },

    /** Help-center articles pushed by their system: each becomes (a new version of) one document. */
    upsertArticles(tenantId: string, sourceName: string, articles: HelpCenterArticle[]): Promise<IngestJobStarted> {
      return ingest.submit(
        tenantId,
        { kind: 'help-center', name: sourceName },
        articles.map((article) => ({ kind: 'article', article })),
      );
    },

    /** Deletes articles by their help-center ids; ids it does not hold are skipped. */
    async deleteArticles(tenantId: string, sourceName: string, ids: readonly string[]): Promise<number> {
      const source = (await store.knowledge.listSources(tenantId)).find((s) => s.kind === 'help-center' && s.name === sourceName);
      if (source === undefined) return 0;
      let deleted = 0;
      for (const id of ids) {
        const doc = await store.knowledge.findDocument(tenantId, source.id, id);
        if (doc !== undefined && (await store.knowledge.deleteDocument(tenantId, doc.id))) deleted += 1;
      }
      if (deleted > 0) changed();
      return deleted;
    },

    /** A job's progress and what an interrupted job never stored. */
    async job(tenantId: string, jobId: string): Promise<IngestJobReport> {
      const [progress, toRetry] = await Promise.all([ingest.progress(tenantId, jobId), ingest.toRetry(tenantId, jobId)]);
      if (progress === undefined || toRetry === undefined) throw noSuchJob();
      return { ...progress, toRetry };
    },

    /** A job's progress now, then each change until it ends, as `[resumable id, progress]`. */
    async *jobProgress(tenantId: string, jobId: string, signal: AbortSignal | undefined): AsyncGenerator<[string, IngestProgress]> {
      const first = await ingest.progress(tenantId, jobId);
      if (first === undefined) throw noSuchJob();
      const queue: IngestProgress[] = [];
      let wake: (() => void) | undefined;
      const unsubscribe = ingest.onProgress(jobId, (p) => {
        queue.push(p);
        wake?.();
      });
      try {
        let current: IngestProgress = first;
        let n = 0;
        yield [`${jobId}:${n++}`, current];
        while (current.status === 'running' || current.status === 'queued') {
          if (signal?.aborted === true) return;
          if (queue.length === 0) {
            await new Promise<void>((resolve) => {
              wake = resolve;
              signal?.addEventListener('abort', () => resolve(), { once: true });
            });
            wake = undefined;
            continue;
          }
          current = queue.shift() as IngestProgress;
          yield [`${jobId}:${n++}`, current];
        }
      } finally {
        unsubscribe();
      }
    },

    listSources: (tenantId: string): Promise<Source[]> => store.knowledge.listSources(tenantId),

    stats: (tenantId: string) => store.knowledge.countDocuments(tenantId),

    async listDocuments(tenantId: string, query: DocumentListQuery): Promise<KnowledgeDocument[]> {
      const docs = await store.knowledge.listDocuments(tenantId, query);
      return docs.map((d) => ({
        id: d.id,
        sourceId: d.sourceId,
        externalId: d.externalId,
        title: d.title,
        ...(d.url === undefined ? {} : { url: d.url }),
        ...(d.language === undefined ? {} : { language: d.language }),
        tags: d.tags,
        version: d.version,
        contentHash: d.contentHash,
        updatedAt: d.updatedAt,
      }));
    },

    async deleteDocument(tenantId: string, documentId: string): Promise<void> {
      if (!(await store.knowledge.deleteDocument(tenantId, documentId)))
        throw new ServiceError('NOT_FOUND', 'No such document in this workspace');
      changed();
    },
  };
}

const noSuchJob = () => new ServiceError('NOT_FOUND', 'No such ingestion job in this workspace');
