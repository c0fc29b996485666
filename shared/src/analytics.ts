/**
 * Analytics contracts: the append-only event every metric is computed from, the metric names,
 * and the shapes of `analytics.summary`, `analytics.series` and `analytics.live`. An event says
 * what happened (kind + data), where (channel), to whom (opaque customer id, never an e-mail) and
 * when it happened (`occurredAt`), which may be long before it was stored (`recordedAt`): every
 * aggregate buckets by `occurredAt`, and the `dedupeKey` makes a replayed event a no-op.
 */
import { z } from 'zod';

export const analyticsChannelSchema = z.enum(['widget', 'extension', 'api']);
export type AnalyticsChannel = z.infer<typeof analyticsChannelSchema>;

export const ANALYTICS_EVENT_KINDS = [
  'conversation.started',
  'response.first',
  'ai.answered',
  'ai.fallback',
  'handoff',
  'human.replied',
  'handback',
  'action.suggested',
  'action.executed',
  'draft.inserted',
  'draft.edited',
  'draft.discarded',
  'rating',
  'conversation.resolved',
  'conversation.reopened',
] as const;
export const analyticsEventKindSchema = z.enum(ANALYTICS_EVENT_KINDS);
export type AnalyticsEventKind = z.infer<typeof analyticsEventKindSchema>;

/** Why a conversation went to a person. The widget's handoff reasons, plus an agent taking it over unasked. */
export const analyticsHandoffCauseSchema = z.enum([
  'asked-for-human',
  'no-answer',
  'low-confidence',
  'negative-sentiment',
  'action-needed',
  'needs-review',
  'unavailable',
  'agent-took-over',
]);
export type AnalyticsHandoffCause = z.infer<typeof analyticsHandoffCauseSchema>;

/** Who made the handoff happen. */
export const analyticsActorSchema = z.enum(['customer', 'ai', 'agent', 'system']);
export type AnalyticsActor = z.infer<typeof analyticsActorSchema>;

const opaqueId = z.string().min(1).max(200);
const ms = z.number().int().min(0);

/** The kind-specific part of an event. */
export const analyticsEventDataSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('conversation.started') }),
  /** The first reply the customer saw, by AI or a person; `waitMs` since the conversation started. */
  z.object({ kind: z.literal('response.first'), responder: z.enum(['ai', 'human']), waitMs: ms }),
  z.object({
    kind: z.literal('ai.answered'),
    confidence: z.number().min(0).max(1),
    sourceDocumentIds: z.array(opaqueId).max(100),
  }),
  /** The AI could not answer (nothing found, withheld below the threshold, failed). */
  z.object({ kind: z.literal('ai.fallback'), reason: analyticsHandoffCauseSchema }),
  z.object({ kind: z.literal('handoff'), cause: analyticsHandoffCauseSchema, by: analyticsActorSchema }),
  z.object({ kind: z.literal('human.replied') }),
  z.object({ kind: z.literal('handback') }),
  z.object({ kind: z.literal('action.suggested'), action: z.string().min(1).max(100) }),
  z.object({ kind: z.literal('action.executed'), action: z.string().min(1).max(100), ok: z.boolean() }),
  z.object({ kind: z.literal('draft.inserted'), draftId: opaqueId }),
  z.object({ kind: z.literal('draft.edited'), draftId: opaqueId, keptRatio: z.number().min(0).max(1).nullable() }),
  z.object({ kind: z.literal('draft.discarded'), draftId: opaqueId }),
  z.object({ kind: z.literal('rating'), score: z.number().int().min(1).max(5) }),
  /**
   * The conversation ended as resolved. `humanReplied`: a person wrote in it (then it is not
   * contained); `handleMs`: from its start to the resolution.
   */
  z.object({ kind: z.literal('conversation.resolved'), by: z.enum(['ai', 'human']), humanReplied: z.boolean(), handleMs: ms }),
  /**
   * A resolved conversation came back; `resolvedAt` is the resolution it undoes, `contained`
   * whether that resolution was contained (AI, no human reply).
   */
  z.object({ kind: z.literal('conversation.reopened'), resolvedAt: z.iso.datetime(), contained: z.boolean() }),
]);
export type AnalyticsEventData = z.infer<typeof analyticsEventDataSchema>;

/** What a writer appends. */
export const analyticsEventInputSchema = z.object({
  workspaceId: opaqueId,
  channel: analyticsChannelSchema,
  /** The agent's token id (or null when no person is involved). */
  agentId: opaqueId.nullable(),
  /** An opaque customer id (a visitor id, a ticket requester's hash), never an e-mail or a name. */
  customerId: opaqueId.refine((v) => !v.includes('@'), 'customerId must be an opaque id, not an e-mail').nullable(),
  conversationId: opaqueId.nullable(),
  occurredAt: z.iso.datetime(),
  /** The same key twice is one event (a retried write, a replayed webhook). */
  dedupeKey: z.string().min(1).max(300),
  data: analyticsEventDataSchema,
});
export type AnalyticsEventInput = z.infer<typeof analyticsEventInputSchema>;

/** A stored event: the input plus its id, stream position and when it was stored. */
export const analyticsEventSchema = analyticsEventInputSchema.extend({
  id: z.string(),
  /** Position in the store's stream, increasing in commit order per database. */
  seq: z.number().int().positive(),
  recordedAt: z.iso.datetime(),
});
export type AnalyticsEvent = z.infer<typeof analyticsEventSchema>;

export const ANALYTICS_METRIC_NAMES = [
  'firstResponseTime',
  'averageHandleTime',
  'resolutionRate',
  'containmentRate',
  'fallbackRate',
  'escalationRate',
  'csat',
  'csatResponseRate',
  'copilotAdoption',
  'unansweredCount',
  'timeSaved',
  'costPerResolution',
] as const;
export const analyticsMetricNameSchema = z.enum(ANALYTICS_METRIC_NAMES);
export type AnalyticsMetricName = z.infer<typeof analyticsMetricNameSchema>;

/** One metric's value with the counts behind it, so a number on screen can be audited. */
export const analyticsMetricValueSchema = z.object({
  /** null when the denominator is 0 (no data, not zero). */
  value: z.number().nullable(),
  unit: z.enum(['ms', 'ratio', 'count', 'score', 'minutes', 'currency']),
  numerator: z.number(),
  denominator: z.number(),
});
export type AnalyticsMetricValue = z.infer<typeof analyticsMetricValueSchema>;

export const analyticsBucketSchema = z.enum(['minute', 'hour', 'day']);
export type AnalyticsBucket = z.infer<typeof analyticsBucketSchema>;

/** Bucket widths in milliseconds (buckets are aligned to UTC). */
export const BUCKET_MS: Readonly<Record<AnalyticsBucket, number>> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };

/** A half-open period [from, to). */
export const analyticsPeriodSchema = z
  .object({ from: z.iso.datetime(), to: z.iso.datetime() })
  .refine((p) => Date.parse(p.from) < Date.parse(p.to), 'period.from must be before period.to')
  .refine((p) => Date.parse(p.to) - Date.parse(p.from) <= 400 * 86_400_000, 'a period spans at most 400 days');
export type AnalyticsPeriod = z.infer<typeof analyticsPeriodSchema>;

export const analyticsFiltersSchema = z.object({
  channel: analyticsChannelSchema.optional(),
  agentId: opaqueId.optional(),
});
export type AnalyticsFilters = z.infer<typeof analyticsFiltersSchema>;

/** The knobs the metrics take; defaults are the documented ones (docs/metrics.md). */
export const analyticsSettingsSchema = z.object({
  reopenWindowHours: z
    .number()
    .int()
    .positive()
    .max(24 * 90)
    .default(72),
  agentCostPerHour: z.number().min(0).max(10_000).default(30),
  minutesPerTicket: z
    .number()
    .positive()
    .max(24 * 60)
    .default(8),
});
export type AnalyticsSettings = z.infer<typeof analyticsSettingsSchema>;

export const analyticsSummaryInputSchema = z.object({
  period: analyticsPeriodSchema,
  filters: analyticsFiltersSchema.default({}),
  settings: analyticsSettingsSchema.partial().default({}),
});
export type AnalyticsSummaryInput = z.input<typeof analyticsSummaryInputSchema>;

export const analyticsSummarySchema = z.object({
  period: analyticsPeriodSchema,
  filters: analyticsFiltersSchema,
  metrics: z.record(analyticsMetricNameSchema, analyticsMetricValueSchema),
  /** Handoffs per cause in the period (the escalation rate's breakdown). */
  escalationsByCause: z.partialRecord(analyticsHandoffCauseSchema, z.number().int().min(0)),
  /** How many events the figures rest on. */
  events: z.number().int().min(0),
});
export type AnalyticsSummary = z.infer<typeof analyticsSummarySchema>;

export const analyticsSeriesInputSchema = z
  .object({
    period: analyticsPeriodSchema,
    bucket: analyticsBucketSchema,
    metrics: z.array(analyticsMetricNameSchema).min(1).max(ANALYTICS_METRIC_NAMES.length),
    filters: analyticsFiltersSchema.default({}),
    settings: analyticsSettingsSchema.partial().default({}),
  })
  .refine(
    (s) => (Date.parse(s.period.to) - Date.parse(s.period.from)) / BUCKET_MS[s.bucket] <= 5_000,
    'at most 5000 points: choose a coarser bucket or a shorter period',
  );
export type AnalyticsSeriesInput = z.input<typeof analyticsSeriesInputSchema>;

export const analyticsSeriesPointSchema = z.object({
  /** The bucket's start. */
  at: z.iso.datetime(),
  values: z.partialRecord(analyticsMetricNameSchema, z.number().nullable()),
});
export const analyticsSeriesSchema = z.object({
  bucket: analyticsBucketSchema,
  points: z.array(analyticsSeriesPointSchema),
});
export type AnalyticsSeries = z.infer<typeof analyticsSeriesSchema>;

export const analyticsLiveInputSchema = z.object({ filters: analyticsFiltersSchema.default({}) });
export type AnalyticsLiveInput = z.input<typeof analyticsLiveInputSchema>;

/** Pushed by `analytics.live` when committed events change the aggregates. */
export const analyticsLiveUpdateSchema = z.object({
  /** The newest stream position included. */
  seq: z.number().int().min(0),
  /** The kinds of the events that changed, with counts. */
  kinds: z.partialRecord(analyticsEventKindSchema, z.number().int().min(0)),
  /** The earliest `recordedAt` among them (the update delay is measured from it). */
  firstRecordedAt: z.iso.datetime(),
  /** The minute buckets (by occurredAt) they fell into. */
  minutes: z.array(z.iso.datetime()),
});
export type AnalyticsLiveUpdate = z.infer<typeof analyticsLiveUpdateSchema>;
