/**
 * Starts ingestion of uploaded files and reports on jobs. A file over the size limit or not
 * decodable becomes a typed per-file error in the job, never a rejected upload.
 */
import { TRPCError, tracked } from '@trpc/server';
import type { IngestJobReport, IngestJobStarted, IngestProgress } from '@tandem/shared';
import type { z } from 'zod';
import type { IngestItem } from '../../knowledge/ingest/ingestService.js';
import { IngestError } from '../../knowledge/ingestError.js';
import type { KnowledgeEngine } from '../../knowledge/knowledgeEngine.js';
import type { ingestFilesInput } from './ingest.schema.js';

export async function ingestFilesHandler(
  knowledge: KnowledgeEngine,
  tenantId: string,
  input: z.output<typeof ingestFilesInput>,
  maxBytes: number,
): Promise<IngestJobStarted> {
  const items: IngestItem[] = input.files.map((file) => {
    // base64 is 4/3 of the bytes: reject an oversized file before decoding it.
    if (file.contentBase64.length * 0.75 > maxBytes + 3) {
      return { kind: 'failed', name: file.name, error: new IngestError('TOO_LARGE', `Over the ${(maxBytes / 1e6).toFixed(0)} MB limit`) };
    }
    return { kind: 'file', name: file.name, bytes: new Uint8Array(Buffer.from(file.contentBase64, 'base64')) };
  });
  try {
    return await knowledge.ingest.submit(tenantId, { kind: 'upload', name: input.sourceName }, items, {
      ...(input.jobId === undefined ? {} : { jobId: input.jobId }),
      final: input.final,
    });
  } catch (err) {
    if (err instanceof IngestError) throw new TRPCError({ code: 'CONFLICT', message: err.message });
    throw err;
  }
}

export async function jobHandler(knowledge: KnowledgeEngine, tenantId: string, jobId: string): Promise<IngestJobReport> {
  const [progress, toRetry] = await Promise.all([knowledge.ingest.progress(tenantId, jobId), knowledge.ingest.toRetry(tenantId, jobId)]);
  if (progress === undefined || toRetry === undefined)
    throw new TRPCError({ code: 'NOT_FOUND', message: 'No such ingestion job in this workspace' });
  return { ...progress, toRetry };
}

/** Streams a job's progress until it ends; resumable (events carry tracked ids). */
export async function* jobProgressHandler(knowledge: KnowledgeEngine, tenantId: string, jobId: string, signal: AbortSignal | undefined) {
  const first = await knowledge.ingest.progress(tenantId, jobId);
  if (first === undefined) throw new TRPCError({ code: 'NOT_FOUND', message: 'No such ingestion job in this workspace' });
  const queue: IngestProgress[] = [];
  let wake: (() => void) | undefined;
  const unsubscribe = knowledge.ingest.onProgress(jobId, (p) => {
    queue.push(p);
    wake?.();
  });
  try {
    let current: IngestProgress = first;
    let n = 0;
    yield tracked(`${jobId}:${n++}`, current);
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
      yield tracked(`${jobId}:${n++}`, current);
    }
  } finally {
    unsubscribe();
  }
}
