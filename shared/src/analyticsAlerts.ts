/**
 * Analytics alert rules and their alerts: what a lead configures per workspace (a threshold over a
 * window for one measure) and what the console lists. Definitions of each measure are in
 * docs/alerts.md ("Alert measures").
 */
import { z } from 'zod';

export const ALERT_RULE_KINDS = ['sla-wait', 'negative-sentiment', 'fallback-spike', 'csat-drop'] as const;
export const alertRuleKindSchema = z.enum(ALERT_RULE_KINDS);
export type AlertRuleKind = z.infer<typeof alertRuleKindSchema>;

const WEEK_MINUTES = 7 * 24 * 60;

/**
 * `threshold` is in the measure's own unit: minutes for sla-wait, a share in [0, 1] for
 * negative-sentiment and fallback-spike, a mean score in [1, 5] for csat-drop (breached when the
 * mean falls below it; the others breach above it).
 */
export const alertRuleInputSchema = z
  .object({
    kind: alertRuleKindSchema,
    name: z.string().trim().min(1).max(120),
    threshold: z.number().finite().min(0),
    windowMinutes: z.number().int().min(1).max(WEEK_MINUTES),
    /** Fewer samples than this in the window (conversations, answers, ratings) never breach. */
    minSamples: z.number().int().min(1).max(100_000).default(1),
    enabled: z.boolean().default(true),
  })
  .superRefine((r, ctx) => {
    if ((r.kind === 'negative-sentiment' || r.kind === 'fallback-spike') && r.threshold > 1)
      ctx.addIssue({ code: 'custom', path: ['threshold'], message: 'a share threshold lies between 0 and 1' });
    if (r.kind === 'csat-drop' && (r.threshold < 1 || r.threshold > 5))
      ctx.addIssue({ code: 'custom', path: ['threshold'], message: 'a CSAT threshold lies between 1 and 5' });
    if (r.kind === 'sla-wait' && r.threshold > WEEK_MINUTES)
      ctx.addIssue({ code: 'custom', path: ['threshold'], message: 'an SLA wait threshold is at most a week of minutes' });
  });
export type AlertRuleInput = z.input<typeof alertRuleInputSchema>;
export type AlertRuleSettings = z.output<typeof alertRuleInputSchema>;

export const alertRuleSchema = z.object({
  id: z.string(),
  kind: alertRuleKindSchema,
  name: z.string(),
  threshold: z.number(),
  windowMinutes: z.number().int(),
  minSamples: z.number().int(),
  enabled: z.boolean(),
  /** The open breach, if any. */
  breach: z
    .object({
      number: z.number().int().positive(),
      since: z.iso.datetime(),
      value: z.number(),
      acknowledgedAt: z.iso.datetime().nullable(),
    })
    .nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type AlertRule = z.infer<typeof alertRuleSchema>;
