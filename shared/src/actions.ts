/**
 * Actions the assistant suggests and a person confirms. A suggestion carries typed arguments
 * and a risk level; nothing runs until `actions.execute` gets the agent's explicit confirmation.
 */
import { z } from 'zod';
import { roleSchema } from './auth.js';

export const actionRiskSchema = z.enum(['read', 'write']);
export type ActionRisk = z.infer<typeof actionRiskSchema>;

export const actionSuggestionSchema = z.object({
  id: z.string(),
  /** Registry name, e.g. `shopify.refundOrder`. */
  action: z.string().min(1).max(100),
  title: z.string().max(200),
  risk: actionRiskSchema,
  allowedRoles: z.array(roleSchema),
  /** Arguments validated against the action's own zod schema on the server. */
  arguments: z.record(z.string(), z.unknown()),
  rationale: z.string().max(1000),
  /** Set when something in the ticket or knowledge looked like an instruction to the assistant. */
  flagged: z.object({ reason: z.string() }).optional(),
});
export type ActionSuggestion = z.infer<typeof actionSuggestionSchema>;

export const executeActionInputSchema = z.object({
  suggestionId: z.string().min(1).max(100),
  /** The agent's explicit yes; anything else is refused. */
  confirmed: z.literal(true),
  /** Arguments as the agent finally approved them (may differ from the suggestion). */
  arguments: z.record(z.string(), z.unknown()).optional(),
  idempotencyKey: z.string().min(8).max(200),
});
export type ExecuteActionInput = z.infer<typeof executeActionInputSchema>;

export const actionResultSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('succeeded'),
    suggestionId: z.string(),
    action: z.string(),
    summary: z.string(),
    output: z.record(z.string(), z.unknown()),
    executedAt: z.iso.datetime(),
  }),
  z.object({
    status: z.literal('failed'),
    suggestionId: z.string(),
    action: z.string(),
    error: z.string(),
    executedAt: z.iso.datetime(),
  }),
]);
export type ActionResult = z.infer<typeof actionResultSchema>;
