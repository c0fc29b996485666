/**
 * The labelled injection corpus: every seed (ours) and its generated variations, each with the
 * split its seed falls in. The split is fixed once, by a hash of the seed's text, so a seed's
 * variations never straddle train and test and adding a seed never moves another: 60% train
 * (weights are fitted on it), 20% dev (the threshold is chosen on it), 20% test (held out:
 * only the acceptance test and the benchmark read it; nothing is tuned on it). The second batch
 * (`heldOutSeeds.ts`, written after the cues and weights were first frozen) is all test; the
 * third (`lookAlikeSeeds.ts`, everyday text the first model wrongly flagged) is split by hash.
 * The fourth (`indirectSeeds.ts` and `carrierSeeds.ts`: indirect phrasings, carriers and their
 * look-alikes, written to make training harder) is train and dev only, 75/25 by hash of the
 * seed's family, so the test split is exactly what it was before that batch was written. The
 * fifth (`freshSeeds.ts`, new wordings of every kind, scored untuned before any cue was written
 * for it), the sixth (`probeSeeds.ts`) and the seventh (`probeSeedsLater.ts`), each scored
 * likewise before its cues, are split the same way, train and dev only.
 */
import { BENIGN_SEEDS } from './benignSeeds.js';
import { CARRIER_BENIGN, CARRIER_HOSTILE } from './carrierSeeds.js';
import { FRESH_BENIGN, FRESH_HOSTILE } from './freshSeeds.js';
import { PROBE_BENIGN, PROBE_HOSTILE } from './probeSeeds.js';
import { LATER_PROBE_BENIGN, LATER_PROBE_HOSTILE } from './probeSeedsLater.js';
import { fnv1a } from './hash.js';
import { HELD_OUT_BENIGN, HELD_OUT_HOSTILE } from './heldOutSeeds.js';
import { HOSTILE_SEEDS } from './hostileSeeds.js';
import {
  ASIDE_BENIGN,
  ASIDE_HOSTILE,
  CUE_LOOK_ALIKES,
  INDIRECT_BENIGN,
  INDIRECT_BENIGN_MORE,
  INDIRECT_HOSTILE,
  MINIMAL_HOSTILE,
  REGISTER_BENIGN,
  REGISTER_HOSTILE,
} from './indirectSeeds.js';
import { LOOK_ALIKE_BENIGN, LOOK_ALIKE_HOSTILE } from './lookAlikeSeeds.js';
import type { CorpusLanguage, SeedKind, SeedText } from './seedText.js';
import { benignVariations, hostileVariations, seededRandom } from './variations.js';

export type CorpusSplit = 'train' | 'dev' | 'test';

export interface CorpusItem {
  /** `<seed id>/<variant>` */
  id: string;
  seedId: string;
  hostile: boolean;
  split: CorpusSplit;
  lang: CorpusLanguage;
  kind: SeedKind;
  /** `first` and `look-alike`: split by hash; `held-out`: the second batch, all test; `indirect` and `fresh`: train and dev only. */
  batch: 'first' | 'held-out' | 'look-alike' | 'indirect' | 'fresh';
  variant: string;
  text: string;
}

export { fnv1a };

export function splitOf(seedText: string): CorpusSplit {
  const bucket = fnv1a(seedText) % 10;
  return bucket < 6 ? 'train' : bucket < 8 ? 'dev' : 'test';
}

/** The fourth batch's split: never test. */
export function trainOrDevOf(family: string): CorpusSplit {
  return fnv1a(family) % 4 < 3 ? 'train' : 'dev';
}

function splitOfSeed(seed: SeedText, batch: CorpusItem['batch']): CorpusSplit {
  if (batch === 'held-out') return 'test';
  if (batch === 'indirect' || batch === 'fresh') return trainOrDevOf(seed.family ?? seed.text);
  return splitOf(seed.text);
}

function itemsOf(seed: SeedText, hostile: boolean, batch: CorpusItem['batch']): CorpusItem[] {
  const hash = fnv1a(seed.text);
  const seedId = `${hostile ? 'h' : 'b'}-${seed.lang}-${hash.toString(16).padStart(8, '0')}`;
  const split = splitOfSeed(seed, batch);
  const random = seededRandom(hash);
  const variations = hostile ? hostileVariations(seed, random) : benignVariations(seed, random);
  return [{ variant: 'seed', text: seed.text }, ...variations].map((v) => ({
    id: `${seedId}/${v.variant}`,
    seedId,
    hostile,
    split,
    lang: seed.lang,
    kind: seed.kind,
    batch,
    variant: v.variant,
    text: v.text,
  }));
}

let cached: readonly CorpusItem[] | undefined;

export function injectionCorpus(): readonly CorpusItem[] {
  cached ??= [
    ...HOSTILE_SEEDS.flatMap((s) => itemsOf(s, true, 'first')),
    ...BENIGN_SEEDS.flatMap((s) => itemsOf(s, false, 'first')),
    ...LOOK_ALIKE_HOSTILE.flatMap((s) => itemsOf(s, true, 'look-alike')),
    ...LOOK_ALIKE_BENIGN.flatMap((s) => itemsOf(s, false, 'look-alike')),
    ...HELD_OUT_HOSTILE.flatMap((s) => itemsOf(s, true, 'held-out')),
    ...HELD_OUT_BENIGN.flatMap((s) => itemsOf(s, false, 'held-out')),
    ...[...INDIRECT_HOSTILE, ...MINIMAL_HOSTILE, ...REGISTER_HOSTILE, ...ASIDE_HOSTILE, ...CARRIER_HOSTILE].flatMap((s) =>
      itemsOf(s, true, 'indirect'),
    ),
    ...[...INDIRECT_BENIGN, ...INDIRECT_BENIGN_MORE, ...CUE_LOOK_ALIKES, ...REGISTER_BENIGN, ...ASIDE_BENIGN, ...CARRIER_BENIGN].flatMap(
      (s) => itemsOf(s, false, 'indirect'),
    ),
    ...FRESH_HOSTILE.flatMap((s) => itemsOf(s, true, 'fresh')),
    ...FRESH_BENIGN.flatMap((s) => itemsOf(s, false, 'fresh')),
    ...PROBE_HOSTILE.flatMap((s) => itemsOf(s, true, 'fresh')),
    ...PROBE_BENIGN.flatMap((s) => itemsOf(s, false, 'fresh')),
    ...LATER_PROBE_HOSTILE.flatMap((s) => itemsOf(s, true, 'fresh')),
    ...LATER_PROBE_BENIGN.flatMap((s) => itemsOf(s, false, 'fresh')),
  ];
  return cached;
}

export function corpusSplit(split: CorpusSplit): CorpusItem[] {
  return injectionCorpus().filter((item) => item.split === split);
}
