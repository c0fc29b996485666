import { z } from 'zod';

export const deleteArticlesInput = z.object({
  sourceName: z.string().trim().min(1).max(200).default('Help center'),
  ids: z
    .array(z.union([z.string().min(1).max(1024), z.number().int()]).transform(String))
    .min(1)
    .max(1000),
});
export const deleteArticlesOutput = z.object({ deleted: z.number().int().nonnegative() });
