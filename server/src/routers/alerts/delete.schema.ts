import { z } from 'zod';

export const deleteInput = z.object({ id: z.string().min(1).max(100) });
export const deleteOutput = z.object({ id: z.string() });
