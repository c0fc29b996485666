/**
 * The redactor measured on the corpus, as the acceptance test and the trust benchmark run it: each
 * sample in a fresh vault that knows the sample's requester, names learned from the sample first,
 * then the spans the vault would replace.
 */
import { PiiVault } from '../redactPii.js';
import { loadRedactionCorpus, type CorpusSample, type CorpusSplit } from './redactionCorpus.js';
import { scoreRedaction, type RedactionScore } from './redactionScore.js';

export function redactionSpans(sample: CorpusSample): { start: number; end: number }[] {
  const vault = new PiiVault();
  if (sample.requester !== undefined) vault.redactName(sample.requester);
  vault.learnNames(sample.text);
  return vault.findSpans(sample.text);
}

export function evaluateRedaction(split: CorpusSplit, samples: readonly CorpusSample[] = loadRedactionCorpus()): RedactionScore {
  return scoreRedaction(
    samples.filter((s) => s.split === split),
    redactionSpans,
  );
}
