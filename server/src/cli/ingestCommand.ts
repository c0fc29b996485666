/**
 * `tandem ingest <path|url>...`: uploads files and folders to the running server (in batches,
 * as one job), or asks it to fetch URLs; shows a progress bar and the per-document errors.
 */
import type { IngestProgress } from '@tandem/shared';
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

export async function ingestCommand(api: ServerClient, targets: string[], options: { source?: string | undefined }): Promise<number> {
  const urls = targets.filter((t) => /^https?:\/\//i.test(t));
  const paths = targets.filter((t) => !/^https?:\/\//i.test(t));
  let failed = 0;
  if (paths.length > 0) {
    const files = (await Promise.all(paths.map((p) => readLocalFiles(p)))).flat();
    let jobId: string | undefined;
    const parts = batches(files);
    for (const [i, part] of parts.entries()) {
      const started = await api.knowledge.ingestFiles.mutate({
        ...(options.source === undefined ? {} : { sourceName: options.source }),
        files: part.map((f) => ({ name: f.name, contentBase64: Buffer.from(f.bytes).toString('base64') })),
        ...(jobId === undefined ? {} : { jobId }),
        final: i === parts.length - 1,
      });
      jobId = started.jobId;
    }
    if (jobId !== undefined) {
      const done = await follow(api, jobId, 'ingest');
      for (const e of done.errors) process.stderr.write(`  ${e.item}: ${e.code} ${e.message}\n`);
      failed += done.documentsFailed;
    }
  }
  if (urls.length > 0) {
    process.stderr.write('URL ingestion is not available on this server yet.\n');
    return 1;
  }
  return failed > 0 ? 1 : 0;
}
