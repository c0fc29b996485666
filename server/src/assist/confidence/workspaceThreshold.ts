/**
 * A workspace's own review threshold, chosen from its agents' verdicts on its drafts once it has
 * enough of them (MIN_RATED_DRAFTS): each rated draft's stored confidence against whether it was
 * fine (helpful, or sent as it was or mostly kept) or not (not helpful, discarded, or mostly
 * rewritten), with the same targets as the shipped default (chooseThreshold.ts). Kept in the
 * workspace settings (key `reviewThreshold`) with the confidence model's version: after a re-fit
 * the old scores mean something else, so the shipped default applies again until new feedback
 * arrives. Leads read it through `assist.reviewThreshold`.
 */
import { z } from 'zod';
import type { Store } from '../../storage/store.js';
import type { ScoredFeedback } from '../../storage/draftScoresRepo.js';
import { chooseThreshold, FLAG_TARGETS, type LabelledConfidence } from './chooseThreshold.js';

const KEY = 'reviewThreshold';
/** Rated drafts a workspace needs before its own threshold replaces the default. */
export const MIN_RATED_DRAFTS = 50;
/** And of each verdict: a threshold cannot be chosen from fine drafts alone. */
const MIN_EACH = 5;
/** The newest drafts read: feedback from long ago describes another knowledge base. */
const MAX_DRAFTS = 1000;
/** A sent draft of which the agent kept less than this share counts as rewritten. */
const KEPT_ENOUGH = 0.5;

const storedSchema = z.object({
  threshold: z.number().min(0).max(1),
  modelVersion: z.string(),
  ratedDrafts: z.number().int().min(0),
  goodFlagged: z.number().min(0).max(1),
  badFlagged: z.number().min(0).max(1),
  meetsTargets: z.boolean(),
});

export const reviewThresholdSchema = z.object({
  /** The threshold drafts of this workspace are flagged below. */
  threshold: z.number().min(0).max(1),
  /** 'workspace' once chosen from its own feedback; 'default' until then. */
  source: z.enum(['default', 'workspace']),
  defaultThreshold: z.number().min(0).max(1),
  /** Rated drafts of the current confidence model, and how many are needed. */
  ratedDrafts: z.number().int().min(0),
  minRatedDrafts: z.number().int().min(1),
  modelVersion: z.string(),
  /** On the workspace's rated drafts at its threshold (null while the default applies). */
  goodFlagged: z.number().min(0).max(1).nullable(),
  badFlagged: z.number().min(0).max(1).nullable(),
  meetsTargets: z.boolean().nullable(),
  updatedAt: z.iso.datetime().nullable(),
});
export type ReviewThreshold = z.infer<typeof reviewThresholdSchema>;

export interface ThresholdContext {
  store: Pick<Store, 'settings' | 'draftScores'>;
  /** The server-wide default (the shipped threshold unless the operator set one). */
  defaultThreshold: number;
  modelVersion: string;
}

/** Whether the agent found the draft fine (false: it should have been flagged); undefined when unknown. */
export function draftWasFine(f: Pick<ScoredFeedback, 'rating' | 'outcome' | 'keptRatio'>): boolean | undefined {
  // The rating is the agent's own verdict; the outcome is read only without one.
  if (f.rating !== null) return f.rating === 'helpful';
  if (f.outcome === 'sent-as-is') return true;
  if (f.outcome === 'discarded') return false;
  if (f.outcome === 'sent-edited') return f.keptRatio === null ? true : f.keptRatio >= KEPT_ENOUGH;
  return undefined;
}

/** The workspace's threshold as it applies now. */
export async function readReviewThreshold(ctx: ThresholdContext, tenantId: string): Promise<ReviewThreshold> {
  const stored = await ctx.store.settings.get(tenantId, KEY);
  const parsed = storedSchema.safeParse(stored?.value);
  const own = parsed.success && parsed.data.modelVersion === ctx.modelVersion ? parsed.data : undefined;
  const base = { defaultThreshold: ctx.defaultThreshold, minRatedDrafts: MIN_RATED_DRAFTS, modelVersion: ctx.modelVersion };
  if (own === undefined) {
    return {
      ...base,
      threshold: ctx.defaultThreshold,
      source: 'default',
      ratedDrafts: 0,
      goodFlagged: null,
      badFlagged: null,
      meetsTargets: null,
      updatedAt: null,
    };
  }
  return { ...base, ...own, source: 'workspace', updatedAt: stored?.updatedAt ?? null };
}

async function ratedSamples(ctx: ThresholdContext, tenantId: string): Promise<LabelledConfidence[]> {
  const scored = await ctx.store.draftScores.labelled(tenantId, ctx.modelVersion, MAX_DRAFTS);
  return scored.flatMap((f) => {
    const fine = draftWasFine(f);
    return fine === undefined ? [] : [{ confidence: f.confidence, shouldFlag: !fine }];
  });
}

/** What leads see: the threshold that applies, with how many rated drafts the workspace has so far. */
export async function reviewThresholdStatus(ctx: ThresholdContext, tenantId: string): Promise<ReviewThreshold> {
  const current = await readReviewThreshold(ctx, tenantId);
  return current.source === 'workspace' ? current : { ...current, ratedDrafts: (await ratedSamples(ctx, tenantId)).length };
}

/**
 * Chooses the workspace's threshold again from its rated drafts (after new feedback); stores it
 * once there are enough, and returns the threshold that applies.
 */
export async function refitReviewThreshold(ctx: ThresholdContext, tenantId: string): Promise<ReviewThreshold> {
  const samples = await ratedSamples(ctx, tenantId);
  const bad = samples.filter((s) => s.shouldFlag).length;
  if (samples.length < MIN_RATED_DRAFTS || bad < MIN_EACH || samples.length - bad < MIN_EACH) {
    const current = await readReviewThreshold(ctx, tenantId);
    return current.source === 'default' ? { ...current, ratedDrafts: samples.length } : current;
  }
  const chosen = chooseThreshold(samples, FLAG_TARGETS);
  await ctx.store.settings.put(tenantId, KEY, {
    threshold: chosen.threshold,
    modelVersion: ctx.modelVersion,
    ratedDrafts: samples.length,
    goodFlagged: chosen.goodFlagged,
    badFlagged: chosen.badFlagged,
    meetsTargets: chosen.meetsTargets,
  } satisfies z.infer<typeof storedSchema>);
  return readReviewThreshold(ctx, tenantId);
}
