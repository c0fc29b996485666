/**
 * Knowledge as it crosses boundaries: where it came from, the document, its chunks, and what
 * search returns for a citation.
 */
import { z } from 'zod';

export const sourceKindSchema = z.enum(['upload', 'url', 'folder', 'help-center', 'webhook', 'answer']);
export type SourceKind = z.infer<typeof sourceKindSchema>;

export const sourceSchema = z.object({
  id: z.string(),
  kind: sourceKindSchema,
  name: z.string().min(1).max(200),
  /** URL, folder path or API base, depending on kind. */
  location: z.string().max(2048).optional(),
  createdAt: z.iso.datetime(),
  lastSyncedAt: z.iso.datetime().nullable(),
});
export type Source = z.infer<typeof sourceSchema>;

export const knowledgeDocumentSchema = z.object({
  id: z.string(),
  sourceId: z.string(),
  /** The id the origin system uses (article id, file path, URL): upserts key on it. */
  externalId: z.string().max(1024),
  title: z.string().max(500),
  url: z.string().max(2048).optional(),
  language: z.string().max(35).optional(),
  tags: z.array(z.string().max(100)).default([]),
  version: z.number().int().nonnegative(),
  contentHash: z.string(),
  updatedAt: z.iso.datetime(),
});
export type KnowledgeDocument = z.infer<typeof knowledgeDocumentSchema>;

export const chunkSchema = z.object({
  id: z.string(),
  documentId: z.string(),
  ordinal: z.number().int().nonnegative(),
  text: z.string(),
  /** Heading trail from the document root to this chunk, for citations. */
  sectionPath: z.array(z.string()),
  title: z.string(),
  url: z.string().optional(),
  language: z.string().optional(),
});
export type Chunk = z.infer<typeof chunkSchema>;

export const searchFiltersSchema = z.object({
  sourceIds: z.array(z.string()).max(50).optional(),
  tags: z.array(z.string()).max(50).optional(),
  language: z.string().max(35).optional(),
});
export type SearchFilters = z.infer<typeof searchFiltersSchema>;

export const searchQuerySchema = z.object({
  query: z.string().trim().min(1).max(4000),
  k: z.number().int().min(1).max(50).default(5),
  filters: searchFiltersSchema.optional(),
});
export type SearchQuery = z.infer<typeof searchQuerySchema>;

export const highlightSchema = z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() });
export type Highlight = z.infer<typeof highlightSchema>;

export const searchHitSchema = z.object({
  chunkId: z.string(),
  documentId: z.string(),
  title: z.string(),
  url: z.string().optional(),
  sectionPath: z.array(z.string()),
  text: z.string(),
  score: z.number(),
  highlights: z.array(highlightSchema),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

/** Why one document of an ingestion job was not stored. */
export const ingestErrorCodeSchema = z.enum([
  'EMPTY',
  'TOO_LARGE',
  'UNSUPPORTED_FORMAT',
  'CORRUPT',
  'ENCRYPTED',
  'ZIP_BOMB',
  'INVALID_UTF8',
  'BINARY_CONTENT',
  'NO_TEXT',
  'FETCH_FAILED',
  'PRIVATE_ADDRESS',
  'TOO_MANY_REDIRECTS',
  'TIMEOUT',
  'EMBEDDER_MISMATCH',
  'INTERNAL',
]);
export type IngestErrorCode = z.infer<typeof ingestErrorCodeSchema>;

export const ingestDocumentErrorSchema = z.object({
  /** File path, URL or article id as the caller named it. */
  item: z.string(),
  code: ingestErrorCodeSchema,
  message: z.string(),
});
export type IngestDocumentError = z.infer<typeof ingestDocumentErrorSchema>;

export const ingestProgressSchema = z.object({
  jobId: z.string(),
  status: z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled']),
  documentsTotal: z.number().int().nonnegative(),
  documentsDone: z.number().int().nonnegative(),
  documentsFailed: z.number().int().nonnegative(),
  bytesDone: z.number().int().nonnegative(),
  errors: z.array(ingestDocumentErrorSchema),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
});
export type IngestProgress = z.infer<typeof ingestProgressSchema>;

/** Files sent for ingestion, base64-encoded; a large upload is split over several calls of one job. */
export const ingestFilesInputSchema = z.object({
  sourceName: z.string().trim().min(1).max(200).default('Uploads'),
  files: z
    .array(z.object({ name: z.string().trim().min(1).max(1024), contentBase64: z.base64() }))
    .min(1)
    .max(2000),
  /** Adds these files to a job started by an earlier call. */
  jobId: z.string().max(100).optional(),
  /** False when more files of this job will follow. */
  final: z.boolean().default(true),
});
export type IngestFilesInput = z.input<typeof ingestFilesInputSchema>;

export const ingestUrlsInputSchema = z.object({
  sourceName: z.string().trim().min(1).max(200).optional(),
  urls: z
    .array(z.url({ protocol: /^https?$/ }).max(2048))
    .min(1)
    .max(20),
  /** 0 fetches only the given pages; a sitemap URL lists its pages instead. */
  depth: z.number().int().min(0).max(5).default(1),
  maxPages: z.number().int().min(1).max(5000).default(200),
  resyncMinutes: z.number().int().min(5).max(10_080).optional(),
});
export type IngestUrlsInput = z.input<typeof ingestUrlsInputSchema>;

export const ingestJobRefSchema = z.object({ jobId: z.string().min(1).max(100) });

export const ingestJobStartedSchema = z.object({ jobId: z.string(), sourceId: z.string() });
export type IngestJobStarted = z.infer<typeof ingestJobStartedSchema>;

export const ingestJobReportSchema = ingestProgressSchema.extend({
  /** Items an interrupted job never stored or rejected: send them again. */
  toRetry: z.array(z.string()),
});
export type IngestJobReport = z.infer<typeof ingestJobReportSchema>;

export const searchResultSchema = z.object({
  hits: z.array(searchHitSchema),
  language: z.string(),
  tookMs: z.number().nonnegative(),
});
export type SearchResult = z.infer<typeof searchResultSchema>;
