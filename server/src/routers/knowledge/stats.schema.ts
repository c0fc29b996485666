import { z } from 'zod';

export const knowledgeStatsOutput = z.object({ documents: z.number(), chunks: z.number(), embedded: z.number() });
