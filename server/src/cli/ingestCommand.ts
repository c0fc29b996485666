/**
 * `tandem ingest <path|url>...`: uploads files and folders to the running server (in batches,
 * as one job), or asks it to fetch URLs (a page, a site to a depth, a sitemap); shows a progress
 * bar and the per-document errors. A file over the server's upload limit is reported as TOO_LARGE
 * without being sent; a request the server still refuses as too large is reported the same way.
 */
import { tandemErrorSchema, type IngestProgress } from '@tandem/shared';
import { TRPCClientError } from '@trpc/client';
import { progressBar } from './progressBar.js';
import { readLocalFiles, type LocalFile } from '../knowledge/ingest/readLocalFiles.js';
import type { ServerClient } from './serverClient.js';

const BATCH_BYTES = 8 * 1024 * 1024;

function batches(files: LocalFile[]): LocalFile[][] {
  const out: LocalFile[][] = [];
  let current: LocalFile[] = [];
  let size = 0;
  for (const file of files) {
    if (current.length > 0 && (size + file.bytes.byteLength > BATCH_BYTES || current.length >= 500)) {
      out.push(current);
      current = [];
      size = 0;
    }
    current.push(file);
    size += file.bytes.byteLength;
  }
  if (current.length > 0) out.push(current);
  return out;
}

async function follow(api: ServerClient, jobId: string, label: string): Promise<IngestProgress> {
  const bar = progressBar(label);
  return new Promise((resolve, reject) => {
    const sub = api.knowledge.jobProgress.subscribe(
      { jobId },
      {
        onData: ({ data }) => {
          bar.update(data.documentsDone + data.documentsFailed, data.documentsTotal, `${(data.bytesDone / 1e6).toFixed(1)} MB`);
          if (data.status !== 'running' && data.status !== 'queued') {
            sub.unsubscribe();
            bar.finish(`${data.status}: ${data.documentsDone} stored, ${data.documentsFailed} failed`);
            resolve(data);
          }
        },
        onError: reject,
      },
    );
  });
}

/** The typed code of a refused call (`error.data.tandem.code`), when the server said one. */
function refusalCode(error: unknown): string | undefined {
  if (!(error instanceof TRPCClientError)) return undefined;
  const parsed = tandemErrorSchema.safeParse((error.data as { tandem?: unknown } | undefined)?.tandem);
  return parsed.success ? parsed.data.code : undefined;
}

function reportErrors(progress: IngestProgress): void {
  for (const e of progress.errors) process.stderr.write(`  ${e.item}: ${e.code} ${e.message}\n`);
}

export async function ingestCommand(api: ServerClient, targets: string[], options: { source?: string | undefined }): Promise<number> {
  const urls = targets.filter((t) => /^https?:\/\//i.test(t));
  const paths = targets.filter((t) => !/^https?:\/\//i.test(t));
  const sourceName = options.source === undefined ? {} : { sourceName: options.source };
  let failed = 0;
  if (paths.length > 0) {
    const { limits } = await api.session.get.query();
    const files = (await Promise.all(paths.map((p) => readLocalFiles(p)))).flat();
    // A file over the server's limit is refused here, as the server would refuse it, without sending it.
    const fitting = files.filter((file) => {
      if (file.bytes.byteLength <= limits.maxUploadBytes) return true;
      process.stderr.write(`  ${file.name}: TOO_LARGE over the server's ${(limits.maxUploadBytes / 1e6).toFixed(0)} MB limit; not sent\n`);
      failed += 1;
      return false;
    });
    let jobId: string | undefined;
    const parts = batches(fitting);
    for (const [i, part] of parts.entries()) {
      try {
        const started = await api.knowledge.ingestFiles.mutate({
          ...sourceName,
          files: part.map((f) => ({ name: f.name, contentBase64: Buffer.from(f.bytes).toString('base64') })),
          ...(jobId === undefined ? {} : { jobId }),
          final: i === parts.length - 1,
        });
        jobId = started.jobId;
      } catch (error) {
        if (refusalCode(error) !== 'PAYLOAD_TOO_LARGE') throw error;
        for (const file of part) process.stderr.write(`  ${file.name}: TOO_LARGE the server refused this upload as too large\n`);
        failed += part.length;
      }
    }
    if (jobId !== undefined) {
      const done = await follow(api, jobId, 'ingest');
      reportErrors(done);
      failed += done.documentsFailed;
    }
  }
  if (urls.length > 0) {
    const started = await api.knowledge.ingestUrls.mutate({ ...sourceName, urls });
    const done = await follow(api, started.jobId, 'fetch');
    reportErrors(done);
    failed += done.documentsFailed;
  }
  return failed > 0 ? 1 : 0;
}
