import { alertRuleInputSchema, alertRuleSchema } from '@tandem/shared';
import { z } from 'zod';

/** The rule's id and its whole new settings (an open breach stays open until the new settings clear it). */
export const updateInput = z.object({ id: z.string().min(1).max(100), rule: alertRuleInputSchema });
export const updateOutput = alertRuleSchema;
