/**
 * Starts ingestion of uploaded files (or adds files to an open job). A file over the size limit or
 * not decodable becomes a typed per-file error in the job, never a rejected upload.
 */
import type { z } from 'zod';
import type { HandlerOptions } from '../../trpc/procedures.js';
import type { ingestFilesInput } from './ingestFiles.schema.js';

export const ingestFilesHandler = ({ ctx, input }: HandlerOptions<z.output<typeof ingestFilesInput>>) =>
  ctx.knowledge.ingestFiles(ctx.tenantId, input);
