/**
 * Web pages as a knowledge source: crawls from the given URLs (same site, to a depth, or the
 * pages a sitemap lists), feeding each fetched page into one ingestion job as it arrives. A
 * re-sync crawls again and removes pages that are gone.
 */
import type { IngestJobStarted } from '@tandem/shared';
import { z } from 'zod';
import type { Logger } from '../../logging/logger.js';
import { IngestError } from '../ingestError.js';
import { crawlSite } from '../sources/crawl.js';
import type { IngestService } from './ingestService.js';

export const urlSourceSettingsSchema = z.object({
  urls: z.array(z.string()).min(1),
  depth: z.number().int().min(0),
  maxPages: z.number().int().min(1),
  resyncMinutes: z.number().int().positive().optional(),
});
export type UrlSourceSettings = z.infer<typeof urlSourceSettingsSchema>;

export interface UrlIngestionDeps {
  ingest: IngestService;
  log: Logger;
  allowPrivate: boolean;
  maxBytes: number;
}

export async function ingestUrls(
  deps: UrlIngestionDeps,
  tenantId: string,
  sourceName: string,
  settings: UrlSourceSettings,
): Promise<IngestJobStarted> {
  const started = await deps.ingest.submit(tenantId, { kind: 'url', name: sourceName, location: settings.urls.join(' '), settings }, [], {
    final: false,
    deleteUnseen: true,
  });
  void crawlAll(deps, started.jobId, settings);
  return started;
}

async function crawlAll(deps: UrlIngestionDeps, jobId: string, settings: UrlSourceSettings): Promise<void> {
  let delivered = 0;
  try {
    for (const url of settings.urls) {
      const result = await crawlSite(url, {
        maxDepth: settings.depth,
        maxPages: Math.max(1, settings.maxPages - delivered),
        sameSiteOnly: true,
        allowPrivate: deps.allowPrivate,
        maxBytes: deps.maxBytes,
        onPage: (page) => deps.ingest.append(jobId, [{ kind: 'page', url: page.url, bytes: page.bytes, fileName: page.fileName }]),
        onError: (failedUrl, error) => void deps.ingest.append(jobId, [{ kind: 'failed', name: failedUrl, error }]),
      });
      delivered += result.pages;
      if (delivered >= settings.maxPages) break;
    }
    // Nothing fetched at all (start URL refused or down): keep what the source had.
    deps.ingest.finalise(jobId, { fatal: delivered === 0 });
  } catch (err) {
    deps.log.error({ err, jobId }, 'crawl failed');
    await deps.ingest.append(jobId, [
      { kind: 'failed', name: settings.urls[0] ?? 'crawl', error: new IngestError('FETCH_FAILED', 'The crawl stopped unexpectedly') },
    ]);
    deps.ingest.finalise(jobId, { fatal: true });
  }
}
