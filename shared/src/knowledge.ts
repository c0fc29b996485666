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
