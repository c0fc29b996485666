/**
 * The schema and split of the semantic cache's paraphrase set (`bench/datasets/widget-paraphrases.jsonl`, written for Tandem
 * against the demo knowledge base in server/demo/knowledge): pairs of visitor questions. For a
 * `hit` pair the second question is the first in other words (reworded, typos, another word
 * order, casing) and should take the first one's cached answer; for a `miss` pair it shares most
 * words but asks something else (another question, amount or product) and must not.
 *
 * Split once into train / dev / test (5 : 2 : 3) with a fixed seed, stratified by label and
 * variant, and recorded on each line: the cache's similarity threshold is chosen on train + dev
 * only, and the benchmark reports the test split.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

export const PARAPHRASES_FILE = path.resolve(import.meta.dirname, '../../../bench/datasets/widget-paraphrases.jsonl');
export const PARAPHRASE_SPLIT_SEED = 'tandem-widget-paraphrases';

export const paraphraseSplitSchema = z.enum(['train', 'dev', 'test']);
export type ParaphraseSplit = z.infer<typeof paraphraseSplitSchema>;

export const paraphrasePairSchema = z
  .object({
    id: z.string().regex(/^wp-\d{3}$/),
    kb: z.literal('demo'),
    split: paraphraseSplitSchema,
    /** Whether the second question should take the first one's cached answer. */
    label: z.enum(['hit', 'miss']),
    variant: z.enum(['reworded', 'typo', 'word-order', 'casing', 'different-question', 'different-amount', 'different-product']),
    /** The question answered first (its answer is cached). */
    first: z.string().min(1).max(300),
    /** The question asked later. */
    second: z.string().min(1).max(300),
  })
  .strict()
  .refine(
    (p) => (p.label === 'hit') === !p.variant.startsWith('different-'),
    'a hit pair is a paraphrase, a miss pair a different question',
  );
export type ParaphrasePair = z.infer<typeof paraphrasePairSchema>;

export async function loadParaphrases(file = PARAPHRASES_FILE): Promise<ParaphrasePair[]> {
  const lines = (await readFile(file, 'utf8')).split('\n').filter((l) => l.trim() !== '');
  return lines.map((line, i) => {
    const parsed = paraphrasePairSchema.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`${file}:${i + 1}: ${parsed.error.issues.map((x) => x.message).join('; ')}`);
    return parsed.data;
  });
}

/** 5 train, 2 dev, 3 test in every 10 pairs of a stratum, interleaved so a small stratum still reaches test. */
const PATTERN: readonly ParaphraseSplit[] = ['train', 'test', 'dev', 'train', 'test', 'train', 'dev', 'train', 'test', 'train'];

const seeded = (value: string) => createHash('sha256').update(`${PARAPHRASE_SPLIT_SEED}\u0000${value}`).digest('hex');

/**
 * The split of every pair, dealt within each label/variant stratum in the order of a seeded hash
 * of the id, from a seeded offset into the pattern. Deterministic: the recorded splits must equal it.
 */
export function dealParaphraseSplits(pairs: readonly Pick<ParaphrasePair, 'id' | 'label' | 'variant'>[]): Map<string, ParaphraseSplit> {
  const strata = new Map<string, string[]>();
  for (const p of pairs) {
    const key = `${p.label}/${p.variant}`;
    strata.set(key, [...(strata.get(key) ?? []), p.id]);
  }
  const result = new Map<string, ParaphraseSplit>();
  for (const [stratum, ids] of strata) {
    const offset = parseInt(seeded(stratum).slice(0, 8), 16) % PATTERN.length;
    const ordered = [...ids].sort((a, b) => seeded(a).localeCompare(seeded(b)));
    ordered.forEach((id, i) => result.set(id, PATTERN[(offset + i) % PATTERN.length] as ParaphraseSplit));
  }
  return result;
}
