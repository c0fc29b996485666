/**
 * Deals a split to every message of the analysis set that has none and writes the file back:
 * `npx tsx server/src/assist/analysis/corpus/splitAnalysisCorpus.ts`. Run once after adding
 * messages; messages already split keep their split.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { ANALYSIS_CORPUS_FILE, parseAnalysisCorpus } from './analysisCorpus.js';
import { assignAnalysisSplits } from './analysisSplits.js';

const messages = parseAnalysisCorpus(readFileSync(ANALYSIS_CORPUS_FILE, 'utf8'));
const splits = assignAnalysisSplits(messages);
const lines = messages.map((m) => JSON.stringify({ ...m, split: splits.get(m.id) }));
writeFileSync(ANALYSIS_CORPUS_FILE, `${lines.join('\n')}\n`);
const dealt = messages.filter((m) => m.split === undefined).length;
process.stdout.write(`${dealt} of ${messages.length} messages dealt a split\n`);
