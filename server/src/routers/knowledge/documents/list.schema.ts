import { knowledgeDocumentSchema } from '@tandem/shared';
import { z } from 'zod';

export const listDocumentsInput = z.object({
  sourceId: z.string().max(100).optional(),
  limit: z.number().int().min(1).max(500).default(50),
  offset: z.number().int().min(0).default(0),
});
export const listDocumentsOutput = z.array(knowledgeDocumentSchema);
