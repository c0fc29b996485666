/** The agent resumes follow mode: the next publication is stored and followed again. */
import type { z } from 'zod';
import type { HandlerOptions } from '../../trpc/procedures.js';
import type { resumeOutput } from './resume.schema.js';

export function resumeHandler({ ctx }: HandlerOptions): z.output<typeof resumeOutput> {
  return ctx.presence.resume(ctx.principal);
}
