import { ingestUrlsInputSchema, knowledgeDocumentSchema, sourceSchema } from '@tandem/shared';
import { z } from 'zod';
import { helpCenterArticleSchema } from '../../knowledge/ingest/helpCenterArticle.js';

export const ingestUrlsInput = ingestUrlsInputSchema;
export const listSourcesOutput = z.array(sourceSchema);
export const resyncInput = z.object({ sourceId: z.string().min(1).max(100) });

export const upsertArticlesInput = z.object({
  sourceName: z.string().trim().min(1).max(200).default('Help center'),
  articles: z.array(helpCenterArticleSchema).min(1).max(1000),
});
export const deleteArticlesInput = z.object({
  sourceName: z.string().trim().min(1).max(200).default('Help center'),
  ids: z
    .array(z.union([z.string().min(1).max(1024), z.number().int()]).transform(String))
    .min(1)
    .max(1000),
});
export const deleteArticlesOutput = z.object({ deleted: z.number().int().nonnegative() });

export const listDocumentsInput = z.object({
  sourceId: z.string().max(100).optional(),
  limit: z.number().int().min(1).max(500).default(50),
  offset: z.number().int().min(0).default(0),
});
export const listDocumentsOutput = z.array(knowledgeDocumentSchema);
export const deleteDocumentInput = z.object({ documentId: z.string().min(1).max(100) });
export const statsOutput = z.object({ documents: z.number(), chunks: z.number(), embedded: z.number() });
