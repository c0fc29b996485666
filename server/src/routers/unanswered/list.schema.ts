import { analyticsPeriodSchema } from '@tandem/shared';
import { z } from 'zod';

/** A period (at most 400 days) and how many clusters to return, largest first. */
export const listInput = z.object({ period: analyticsPeriodSchema, limit: z.number().int().min(1).max(200).default(20) });

export const unansweredClusterSchema = z.object({
  /** The words the cluster's questions share most. */
  label: z.string(),
  count: z.number().int().positive(),
  /** Questions per cause: a fallback or handoff cause, or `low-confidence`. */
  reasons: z.record(z.string(), z.number().int().positive()),
  /** The newest questions, PII redacted. */
  examples: z.array(z.string()).max(3),
  lastAskedAt: z.string(),
});

export const listOutput = z.object({
  total: z.number().int().min(0),
  method: z.enum(['embedding', 'lexical']),
  clusters: z.array(unansweredClusterSchema),
});
