import { alertRuleInputSchema, alertRuleSchema } from '@tandem/shared';

/** Kind, name, threshold (in the measure's unit), window in minutes, minimum samples, enabled. */
export const createInput = alertRuleInputSchema;
export const createOutput = alertRuleSchema;
