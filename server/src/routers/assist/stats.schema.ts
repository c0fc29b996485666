import { z } from 'zod';

const count = z.number().int().nonnegative();

/** Draft counters of this process, and feedback counts of the workspace from its whole history. */
export const draftStatsOutput = z.object({
  started: count,
  flagged: count,
  fallbacks: count,
  errors: count,
  helpful: count,
  notHelpful: count,
  sentAsIs: count,
  sentEdited: count,
  discarded: count,
});
