/**
 * The events `assist.draft` streams for one ticket: analysis, cited sources, live facts, draft
 * tokens, suggested actions, then `done` or `error`. One discriminated union so every client
 * switches on `type` and the compiler checks it handled them all.
 */
import { z } from 'zod';
import { actionSuggestionSchema } from './actions.js';
import { tandemErrorSchema } from './errors.js';
import { searchHitSchema } from './knowledge.js';
import { customerLiveStateSchema } from './live.js';

export const sentimentSchema = z.enum(['negative', 'neutral', 'positive']);
export const urgencySchema = z.enum(['low', 'normal', 'high', 'critical']);

export const ticketAnalysisSchema = z.object({
  intent: z.object({ label: z.string(), confidence: z.number().min(0).max(1) }).nullable(),
  sentiment: sentimentSchema,
  /** 0 calm … 1 about to leave. */
  frustration: z.number().min(0).max(1),
  urgency: urgencySchema,
  language: z.string(),
});
export type TicketAnalysis = z.infer<typeof ticketAnalysisSchema>;

/** A source as cited in a draft: `[n]` in the text refers to `n`. */
export const citedSourceSchema = searchHitSchema.extend({ n: z.number().int().positive() });
export type CitedSource = z.infer<typeof citedSourceSchema>;

export const draftUsageSchema = z.object({
  promptTokens: z.number().int().nonnegative(),
  completionTokens: z.number().int().nonnegative(),
  model: z.string(),
});

export const draftEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('analysis'), analysis: ticketAnalysisSchema }),
  z.object({ type: z.literal('sources'), sources: z.array(citedSourceSchema) }),
  z.object({ type: z.literal('live'), state: customerLiveStateSchema }),
  z.object({ type: z.literal('token'), text: z.string() }),
  /** The provider failed mid-answer: discard the tokens so far, a fallback draft follows. */
  z.object({ type: z.literal('restart'), reason: z.string() }),
  z.object({ type: z.literal('actions'), actions: z.array(actionSuggestionSchema) }),
  z.object({
    type: z.literal('done'),
    confidence: z.number().min(0).max(1),
    needsReview: z.boolean(),
    /** Source numbers the final text cites, after invalid ones were dropped. */
    citations: z.array(z.number().int().positive()),
    drafter: z.enum(['llm', 'embedded']),
    usage: draftUsageSchema.optional(),
  }),
  z.object({ type: z.literal('error'), error: tandemErrorSchema }),
]);
export type DraftEvent = z.infer<typeof draftEventSchema>;
export type DraftEventType = DraftEvent['type'];

export const draftToneSchema = z.enum(['friendly', 'formal', 'concise']);
export type DraftTone = z.infer<typeof draftToneSchema>;
