import { z } from 'zod';

export const createSourceInput = z.object({ name: z.string().trim().min(1).max(100) });
export const createSourceOutput = z.object({
  id: z.string(),
  name: z.string(),
  /** Shown once: the sender signs with it (`Tandem-Signature: t=…,v1=<HMAC-SHA256 of "t.body">`). */
  secret: z.string(),
  /** Where the sender posts, relative to the server's URL. */
  path: z.string(),
});
