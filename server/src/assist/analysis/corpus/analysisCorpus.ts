/**
 * The labelled ticket-analysis set (bench/datasets/ticket-analysis/messages.jsonl, our own
 * writing): its schema, and reading it whole or one split at a time. The labelling guide is the
 * README beside the data.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { SUPPORT_INTENTS } from '../supportIntents.js';

export const ANALYSIS_CORPUS_FILE = new URL('../../../../../bench/datasets/ticket-analysis/messages.jsonl', import.meta.url);

export const ANALYSIS_LANGUAGES = ['en', 'es', 'de', 'fr'] as const;
export const SENTIMENT_LABELS = ['negative', 'neutral', 'positive'] as const;
export const FRUSTRATION_LABELS = ['none', 'some', 'high'] as const;
export const URGENCY_LABELS = ['low', 'normal', 'high', 'critical'] as const;
export const SPLITS = ['train', 'dev', 'test'] as const;

export const MESSAGE_TRAITS = [
  'repeat-contact',
  'earlier-messages',
  'deadline',
  'caps',
  'sarcasm',
  'quoted-history',
  'emoji',
  'mixed-language',
  'short',
  'long',
  'polite',
  'emergency',
  'threat',
  'no-rush',
  'thanks',
  'negation',
  'punctuation',
] as const;

export type AnalysisLanguage = (typeof ANALYSIS_LANGUAGES)[number];
export type FrustrationLabel = (typeof FRUSTRATION_LABELS)[number];
export type Split = (typeof SPLITS)[number];

export const analysisMessageSchema = z
  .object({
    id: z.string().regex(/^(en|es|de|fr)-\d{3}$/),
    language: z.enum(ANALYSIS_LANGUAGES),
    /** A message adapted from another one (a translation of its story): both are dealt into the same split. */
    sameStoryAs: z
      .string()
      .regex(/^(en|es|de|fr)-\d{3}$/)
      .optional(),
    subject: z.string().min(1).optional(),
    /** The customer's earlier messages in the ticket, oldest first. */
    earlier: z.array(z.string().min(1)).optional(),
    /** The newest customer message, quoted history and all. */
    text: z.string().min(1),
    sentiment: z.enum(SENTIMENT_LABELS),
    frustration: z.enum(FRUSTRATION_LABELS),
    urgency: z.enum(URGENCY_LABELS),
    intent: z.enum([...SUPPORT_INTENTS, 'other']),
    traits: z.array(z.enum(MESSAGE_TRAITS)),
    split: z.enum(SPLITS).optional(),
  })
  .strict()
  .refine((m) => m.id.startsWith(`${m.language}-`), { message: 'the id starts with the language' });

export type AnalysisMessage = z.infer<typeof analysisMessageSchema>;

/** Every message of the file, validated; a bad line names its line number. */
export function parseAnalysisCorpus(jsonl: string): AnalysisMessage[] {
  return jsonl
    .split('\n')
    .map((line, i) => [line, i + 1] as const)
    .filter(([line]) => line.trim() !== '')
    .map(([line, n]) => {
      const parsed = analysisMessageSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`messages.jsonl line ${n}: ${parsed.error.message}`);
      return parsed.data;
    });
}

let cached: AnalysisMessage[] | undefined;

export function loadAnalysisCorpus(): AnalysisMessage[] {
  cached ??= parseAnalysisCorpus(readFileSync(ANALYSIS_CORPUS_FILE, 'utf8'));
  return cached;
}

/** The messages of one split; a message without a split is an error (the set is split once, on purpose). */
export function analysisSplit(split: Split): AnalysisMessage[] {
  const all = loadAnalysisCorpus();
  const unsplit = all.filter((m) => m.split === undefined).map((m) => m.id);
  if (unsplit.length > 0) throw new Error(`messages without a split: ${unsplit.join(', ')} (run splitAnalysisCorpus.ts)`);
  return all.filter((m) => m.split === split);
}
