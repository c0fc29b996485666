import { alertRuleSchema } from '@tandem/shared';
import { z } from 'zod';

export const acknowledgeInput = z.object({ id: z.string().min(1).max(100) });
export const acknowledgeOutput = alertRuleSchema;
