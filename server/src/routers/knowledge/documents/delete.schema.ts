import { z } from 'zod';

export const deleteDocumentInput = z.object({ documentId: z.string().min(1).max(100) });
export const deleteDocumentOutput = z.object({ deleted: z.number().int().nonnegative() });
