/**
 * Ingestion jobs: each item (file, page, article) is parsed, chunked and stored as one atomic
 * document version, acknowledged in the same transaction; a bad item becomes a typed error in
 * the job report and the job goes on. Progress is kept in the store (it survives a crash) and
 * pushed to subscribers as it happens.
 */
import { EventEmitter } from 'node:events';
import type { IngestDocumentError, IngestProgress, Source, SourceKind } from '@tandem/shared';
import { newId } from '../../storage/ids.js';
import type { Logger } from '../../logging/logger.js';
import { pendingItems, type StoredIngestJob } from '../../storage/ingestJobsRepo.js';
import type { Store } from '../../storage/store.js';
import { IngestError } from '../ingestError.js';
import type { ParseLimits } from '../parsing/parsedDocument.js';
import type { HelpCenterArticle } from './helpCenterArticle.js';
import { prepareArticle, prepareFile, preparePage, type PreparedDocument } from './prepareDocument.js';

export type IngestItem =
  | { kind: 'file'; name: string; bytes: Uint8Array }
  | { kind: 'article'; article: HelpCenterArticle }
  | { kind: 'page'; url: string; bytes: Uint8Array; fileName: string }
  | { kind: 'failed'; name: string; error: IngestError };

export interface SourceSpec {
  kind: SourceKind;
  name: string;
  location?: string;
  settings?: Record<string, unknown>;
}

export interface IngestServiceDeps {
  store: Store;
  log: Logger;
  limits: ParseLimits;
  /** Called after each stored document (search indexes and the vector filler catch up). */
  onStored: () => void;
}

export interface JobProgressEvent {
  progress: IngestProgress;
}

const itemName = (item: IngestItem): string => {
  switch (item.kind) {
    case 'file':
    case 'failed':
      return item.name;
    case 'article':
      return `article:${item.article.id}`;
    case 'page':
      return item.url;
  }
};

export function progressOf(job: StoredIngestJob): IngestProgress {
  const status = job.status === 'interrupted' ? 'failed' : job.status;
  return {
    jobId: job.id,
    status,
    documentsTotal: job.items.length,
    documentsDone: job.done.length,
    documentsFailed: job.errors.length,
    bytesDone: job.bytesDone,
    errors: job.errors,
    startedAt: job.createdAt,
    finishedAt: job.finishedAt,
  };
}

interface RunningJob {
  tenantId: string;
  source: Source;
  queue: IngestItem[];
  finalised: boolean;
  draining: Promise<void> | undefined;
  seen: Set<string>;
  /** Delete the source's documents not seen by this job when it ends (a full re-sync). */
  deleteUnseen: boolean;
  failedFatally: boolean;
}

export class IngestService {
  private readonly events = new EventEmitter();
  private readonly running = new Map<string, RunningJob>();

  constructor(private readonly deps: IngestServiceDeps) {
    this.events.setMaxListeners(0);
  }

  /** Starts a job (or, with `jobId`, adds items to a running one); returns at once. */
  async submit(
    tenantId: string,
    sourceSpec: SourceSpec,
    items: IngestItem[],
    options: { jobId?: string; final?: boolean; deleteUnseen?: boolean } = {},
  ): Promise<{ jobId: string; sourceId: string }> {
    const { store } = this.deps;
    let jobId = options.jobId;
    let job = jobId === undefined ? undefined : this.running.get(jobId);
    if (jobId !== undefined && (job === undefined || job.tenantId !== tenantId || job.finalised)) {
      throw new IngestError('INTERNAL', 'That ingestion job is not open for more items');
    }
    if (job === undefined) {
      const source = await store.knowledge.ensureSource(
        tenantId,
        sourceSpec.kind,
        sourceSpec.name,
        sourceSpec.location,
        sourceSpec.settings,
      );
      jobId = newId('job');
      await store.ingestJobs.create({ id: jobId, tenantId, sourceId: source.id, items: items.map(itemName) });
      job = {
        tenantId,
        source,
        queue: [],
        finalised: false,
        draining: undefined,
        seen: new Set(),
        deleteUnseen: options.deleteUnseen ?? false,
        failedFatally: false,
      };
      this.running.set(jobId, job);
    } else {
      await store.ingestJobs.addItems(jobId as string, items.map(itemName));
    }
    job.queue.push(...items);
    if (options.final !== false) job.finalised = true;
    this.drain(jobId as string, job);
    return { jobId: jobId as string, sourceId: job.source.id };
  }

  /** Adds items discovered while a job runs (crawled pages). */
  async append(jobId: string, items: IngestItem[]): Promise<void> {
    const job = this.running.get(jobId);
    if (job === undefined) return;
    await this.deps.store.ingestJobs.addItems(jobId, items.map(itemName));
    job.queue.push(...items);
    this.drain(jobId, job);
  }

  /** Marks a job's item list complete (after a crawl ends); it finishes once its queue drains. */
  finalise(jobId: string, options: { fatal?: boolean } = {}): void {
    const job = this.running.get(jobId);
    if (job === undefined) return;
    job.finalised = true;
    if (options.fatal === true) job.failedFatally = true;
    this.drain(jobId, job);
  }

  async progress(tenantId: string, jobId: string): Promise<IngestProgress | undefined> {
    const job = await this.deps.store.ingestJobs.get(tenantId, jobId);
    return job === undefined ? undefined : progressOf(job);
  }

  /** Items of an interrupted job that were never stored or rejected. */
  async toRetry(tenantId: string, jobId: string): Promise<string[] | undefined> {
    const job = await this.deps.store.ingestJobs.get(tenantId, jobId);
    return job === undefined ? undefined : pendingItems(job);
  }

  onProgress(jobId: string, listener: (progress: IngestProgress) => void): () => void {
    this.events.on(jobId, listener);
    return () => this.events.off(jobId, listener);
  }

  /** Resolves when the job has finished (tests, CLI); at once for a job not running here. */
  settled(jobId: string): Promise<void> {
    if (!this.running.has(jobId)) return Promise.resolve();
    return new Promise((resolve) => this.events.once(`finished:${jobId}`, () => resolve()));
  }

  private drain(jobId: string, job: RunningJob): void {
    if (job.draining !== undefined) return;
    job.draining = this.work(jobId, job)
      .catch((err: unknown) => this.deps.log.error({ err, jobId }, 'ingestion job crashed'))
      .finally(() => {
        job.draining = undefined;
        if (job.queue.length > 0) this.drain(jobId, job);
      });
  }

  private async work(jobId: string, job: RunningJob): Promise<void> {
    const { store, limits, log } = this.deps;
    for (let item = job.queue.shift(); item !== undefined; item = job.queue.shift()) {
      const name = itemName(item);
      try {
        const docs = await this.prepare(item, limits);
        for (const [i, doc] of docs.entries()) {
          job.seen.add(doc.externalId);
          const last = i === docs.length - 1;
          const bytes = last ? bytesOf(item) : 0;
          await store.knowledge.upsertDocument(
            { tenantId: job.tenantId, sourceId: job.source.id, ...doc },
            last ? { jobId, item: name, bytes } : undefined,
          );
        }
        this.deps.onStored();
      } catch (err) {
        // A page or file that failed this time is not gone: a re-sync must not delete it.
        job.seen.add(item.kind === 'article' ? item.article.id : name);
        const error: IngestDocumentError =
          err instanceof IngestError
            ? { item: name, code: err.code, message: err.message }
            : { item: name, code: 'INTERNAL', message: 'Unexpected failure while ingesting this item' };
        if (!(err instanceof IngestError)) log.error({ err, jobId }, 'unexpected ingestion failure');
        await store.ingestJobs.recordError(jobId, error);
      }
      await this.emit(jobId, job.tenantId);
      // Let requests in between documents: a big job must not starve search.
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (job.finalised && job.queue.length === 0) await this.finish(jobId, job);
  }

  private async prepare(item: IngestItem, limits: ParseLimits): Promise<PreparedDocument[]> {
    switch (item.kind) {
      case 'file':
        return prepareFile(item.name, item.bytes, limits);
      case 'article':
        return [await prepareArticle(item.article, limits)];
      case 'page':
        return [await preparePage(item, limits)];
      case 'failed':
        throw item.error;
    }
  }

  private async finish(jobId: string, job: RunningJob): Promise<void> {
    const { store } = this.deps;
    if (job.deleteUnseen && !job.failedFatally) {
      const known = await store.knowledge.externalIdsOfSource(job.tenantId, job.source.id);
      for (const [externalId, documentId] of known) {
        if (!job.seen.has(externalId)) await store.knowledge.deleteDocument(job.tenantId, documentId);
      }
      this.deps.onStored();
    }
    await store.knowledge.markSourceSynced(job.source.id);
    await store.ingestJobs.finish(jobId, job.failedFatally ? 'failed' : 'succeeded');
    this.running.delete(jobId);
    await this.emit(jobId, job.tenantId);
    this.events.emit(`finished:${jobId}`);
  }

  private async emit(jobId: string, tenantId: string): Promise<void> {
    if (this.events.listenerCount(jobId) === 0) return;
    const progress = await this.progress(tenantId, jobId);
    if (progress !== undefined) this.events.emit(jobId, progress);
  }
}

function bytesOf(item: IngestItem): number {
  switch (item.kind) {
    case 'file':
    case 'page':
      return item.bytes.byteLength;
    case 'article':
      return Buffer.byteLength(item.article.body);
    case 'failed':
      return 0;
  }
}
