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
    /** What the agent should know about how this draft was made: a message shortened for the model, what the output guard removed or marked. */
    notes: z.array(z.string().max(500)).max(10).optional(),
  }),
  z.object({ type: z.literal('error'), error: tandemErrorSchema }),
]);
export type DraftEvent = z.infer<typeof draftEventSchema>;
export type DraftEventType = DraftEvent['type'];

export const draftToneSchema = z.enum(['friendly', 'formal', 'concise']);
export type DraftTone = z.infer<typeof draftToneSchema>;

export const draftLengthSchema = z.enum(['short', 'medium', 'long']);
export type DraftLength = z.infer<typeof draftLengthSchema>;

/**
 * What the agent thought of a draft and what became of it: rated helpful or not, and whether the
 * text they inserted was sent as it was, edited first, or thrown away. Reported per draft.
 */
export const draftRatingSchema = z.enum(['helpful', 'not-helpful']);
export const draftOutcomeSchema = z.enum(['sent-as-is', 'sent-edited', 'discarded']);
export const draftFeedbackSchema = z
  .object({
    draftId: z.string().min(1).max(100),
    rating: draftRatingSchema.optional(),
    outcome: draftOutcomeSchema.optional(),
    /** Share of the inserted draft's characters still in the sent reply, 0…1, when known. */
    keptRatio: z.number().min(0).max(1).optional(),
  })
  .refine((f) => f.rating !== undefined || f.outcome !== undefined, { message: 'Give a rating, an outcome, or both' });
export type DraftFeedback = z.infer<typeof draftFeedbackSchema>;
