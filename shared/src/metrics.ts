/**
 * Metric points and health as the console shows them.
 */
import { z } from 'zod';

export const metricNameSchema = z.enum([
  'drafts.started',
  'drafts.flagged',
  'drafts.inserted',
  'widget.answers',
  'widget.handoffs',
  'knowledge.documents',
  'live.events',
  'alerts.fired',
]);
export type MetricName = z.infer<typeof metricNameSchema>;

export const metricPointSchema = z.object({
  name: metricNameSchema,
  value: z.number(),
  at: z.iso.datetime(),
  labels: z.record(z.string(), z.string()).default({}),
});
export type MetricPoint = z.infer<typeof metricPointSchema>;

export const componentHealthSchema = z.object({
  name: z.string(),
  ok: z.boolean(),
  detail: z.string().optional(),
});

export const healthStatusSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  uptimeSeconds: z.number().nonnegative(),
  storage: z.enum(['pglite', 'postgres']),
  components: z.array(componentHealthSchema),
});
export type HealthStatus = z.infer<typeof healthStatusSchema>;
