/**
 * What a snapshot's postings depend on besides the documents: how text is analysed (tokens,
 * accent folding, stopwords, stemming) and how titles are expanded
 * with the acronyms a document defines (what `indexedTitle` does). A snapshot written by a build
 * that analyses differently would match queries against terms this build never produces, so the
 * snapshot records this fingerprint and a restore refuses any other: a change to analysis then
 * invalidates old snapshots by itself, even if nobody bumps CHUNK_INDEX_SNAPSHOT_VERSION.
 */
import { definedAcronyms, expandTitleAcronyms } from '../acronyms.js';
import { analyze } from '../analyze.js';
import { ALL_STOPWORDS } from '../stopwords.js';

/** Words that exercise each step: possessives, contractions, accents, CJK, numbers, identifiers, stems. */
const PROBE =
  "The customers' refunds weren't processed: Rückerstattung, reembolsó, remboursés, 返金 — order 5512, tool_4821, e-mail, running quickly, généralement";

function hashed(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16);
}

let cached: string | undefined;

export function analysisFingerprint(): string {
  cached ??= JSON.stringify([
    analyze(PROBE),
    expandTitleAcronyms('How do I request a CLI?', definedAcronyms('You may ask for a credit limit increase (CLI) twice a year.')),
    ALL_STOPWORDS.size,
    hashed([...ALL_STOPWORDS].sort().join(',')),
  ]);
  return cached;
}
