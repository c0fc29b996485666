import { alertRuleSchema } from '@tandem/shared';
import { z } from 'zod';

/** The workspace's alert rules, each with its open breach if any. */
export const listOutput = z.array(alertRuleSchema);
