import { ingestJobStartedSchema } from '@tandem/shared';
import { z } from 'zod';
import { helpCenterArticleSchema } from '../../../knowledge/ingest/helpCenterArticle.js';

export const upsertArticlesInput = z.object({
  sourceName: z.string().trim().min(1).max(200).default('Help center'),
  articles: z.array(helpCenterArticleSchema).min(1).max(1000),
});
export const upsertArticlesOutput = ingestJobStartedSchema;
