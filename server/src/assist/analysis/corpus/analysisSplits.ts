/**
 * Deals the analysis set once into train / dev / test (5 : 2 : 3) with a fixed seed, stratified by
 * language and label. A story (a message and its adaptations in other languages, `sameStoryAs`)
 * is dealt as one, by its first message, so a translation never sits in another split than its
 * original. Within each language, stories are ordered by urgency (its critical class is the rarest label), frustration, sentiment and a
 * seeded hash of their id and dealt through a fixed 10-slot pattern, so each label of each
 * language gets its share of every split. Messages that already carry a split keep it: adding
 * messages later deals only them, continuing the pattern, and never moves a test message.
 */
import { createHash } from 'node:crypto';
import { FRUSTRATION_LABELS, SENTIMENT_LABELS, URGENCY_LABELS, type AnalysisMessage, type Split } from './analysisCorpus.js';

export const ANALYSIS_SPLIT_SEED = 'tandem-analysis-v1';

/** 5 train, 2 dev, 3 test in every 10, interleaved so a short run of one label still reaches test. */
const PATTERN: readonly Split[] = ['train', 'test', 'dev', 'train', 'test', 'train', 'dev', 'train', 'test', 'train'];

const seeded = (seed: string, value: string): string => createHash('sha256').update(`${seed}\u0000${value}`).digest('hex');

/** The message a story is dealt by: its own id, or the one it was adapted from. */
export const storyOf = (m: Pick<AnalysisMessage, 'id' | 'sameStoryAs'>): string => m.sameStoryAs ?? m.id;

/** The split of every message id: the recorded one, or a newly dealt one. Same input, same answer. */
export function assignAnalysisSplits(messages: readonly AnalysisMessage[], seed = ANALYSIS_SPLIT_SEED): Map<string, Split> {
  const byId = new Map(messages.map((m) => [m.id, m]));
  const storySplit = new Map<string, Split>();
  for (const m of messages) if (m.split !== undefined && !storySplit.has(storyOf(m))) storySplit.set(storyOf(m), m.split);

  // Stories still to deal, grouped by the language of the message that heads them.
  const pending = new Map<string, AnalysisMessage[]>();
  const dealtBefore = new Map<string, number>();
  for (const m of messages) {
    const story = storyOf(m);
    const head = byId.get(story) ?? m;
    if (story !== m.id) continue;
    if (storySplit.has(story)) dealtBefore.set(head.language, (dealtBefore.get(head.language) ?? 0) + 1);
    else pending.set(head.language, [...(pending.get(head.language) ?? []), head]);
  }
  // A message whose story head is missing from the set heads its own story.
  for (const m of messages) {
    if (storyOf(m) !== m.id && !byId.has(storyOf(m)) && !storySplit.has(storyOf(m)))
      pending.set(m.language, [...(pending.get(m.language) ?? []), m]);
  }

  const rank = <T extends string>(labels: readonly T[], value: T): number => labels.indexOf(value);
  for (const [language, heads] of [...pending].sort(([a], [b]) => a.localeCompare(b))) {
    const ordered = [...heads].sort(
      (a, b) =>
        rank(URGENCY_LABELS, a.urgency) - rank(URGENCY_LABELS, b.urgency) ||
        rank(FRUSTRATION_LABELS, a.frustration) - rank(FRUSTRATION_LABELS, b.frustration) ||
        rank(SENTIMENT_LABELS, a.sentiment) - rank(SENTIMENT_LABELS, b.sentiment) ||
        seeded(seed, a.id).localeCompare(seeded(seed, b.id)),
    );
    const offset = (parseInt(seeded(seed, language).slice(0, 8), 16) + (dealtBefore.get(language) ?? 0)) % PATTERN.length;
    ordered.forEach((m, i) => storySplit.set(storyOf(m), PATTERN[(offset + i) % PATTERN.length] as Split));
  }

  const result = new Map<string, Split>();
  for (const m of messages) result.set(m.id, m.split ?? (storySplit.get(storyOf(m)) as Split));
  return result;
}
