/**
 * The labelled injection corpus: every seed (ours) and its generated variations, each with the
 * split its seed falls in. The split is fixed once, by a hash of the seed's text, so a seed's
 * variations never straddle train and test and adding a seed never moves another: 60% train
 * (weights are fitted on it), 20% dev (the threshold is chosen on it), 20% test (held out:
 * only the acceptance test and the benchmark read it; nothing is tuned on it). The second batch
 * (`heldOutSeeds.ts`, written after the cues and weights were first frozen) is all test; the
 * third (`lookAlikeSeeds.ts`, everyday text the first model wrongly flagged) is split by hash.
 */
import { BENIGN_SEEDS } from './benignSeeds.js';
import { HELD_OUT_BENIGN, HELD_OUT_HOSTILE } from './heldOutSeeds.js';
import { HOSTILE_SEEDS } from './hostileSeeds.js';
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
  /** `first` and `look-alike`: split by hash; `held-out`: the second batch, all test. */
  batch: 'first' | 'held-out' | 'look-alike';
  variant: string;
  text: string;
}

/** FNV-1a over UTF-16 code units: stable across runs and machines. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export function splitOf(seedText: string): CorpusSplit {
  const bucket = fnv1a(seedText) % 10;
  return bucket < 6 ? 'train' : bucket < 8 ? 'dev' : 'test';
}

function itemsOf(seed: SeedText, hostile: boolean, batch: CorpusItem['batch']): CorpusItem[] {
  const hash = fnv1a(seed.text);
  const seedId = `${hostile ? 'h' : 'b'}-${seed.lang}-${hash.toString(16).padStart(8, '0')}`;
  const split = batch === 'held-out' ? 'test' : splitOf(seed.text);
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
  ];
  return cached;
}

export function corpusSplit(split: CorpusSplit): CorpusItem[] {
  return injectionCorpus().filter((item) => item.split === split);
}
