import { z } from 'zod';

export const listSourcesOutput = z.array(z.object({ id: z.string(), name: z.string(), createdAt: z.string() }));
