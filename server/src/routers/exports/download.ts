/** What an export procedure returns: a file to save, text as-is or binary as base64. */
import { z } from 'zod';

export const downloadOutput = z.object({
  filename: z.string(),
  contentType: z.string(),
  encoding: z.enum(['utf8', 'base64']),
  body: z.string(),
});
export type Download = z.infer<typeof downloadOutput>;

/** A file name safe in a Content-Disposition header and on every file system. */
export const fileStamp = (iso: string) => iso.slice(0, 16).replace(/[^0-9T]/g, '');
