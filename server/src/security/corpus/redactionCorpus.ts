/**
 * The redaction corpus (README.md): the hand-written samples and the generated spelling variants,
 * parsed from their markup into normalised text with the planted values and look-alikes located,
 * and split once into `dev` (what the redactor was tuned on) and the held-out `test` by a hash of
 * each sample's id.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PII_KINDS, type PiiKind } from '../pii/piiSpan.js';
import { normaliseUntrusted } from '../untrustedText.js';
import { spellingVariants } from './spellingVariants.js';

export type CorpusSplit = 'dev' | 'test';

export interface Marked {
  start: number;
  end: number;
  value: string;
}

export interface PlantedItem extends Marked {
  kind: PiiKind;
}

export interface CorpusSample {
  id: string;
  lang: string;
  type: string;
  /** The name a helpdesk shows for the requester, when the sample has one. */
  requester: string | undefined;
  /** Normalised, as the redactor reads it. */
  text: string;
  items: PlantedItem[];
  lookAlikes: Marked[];
  split: CorpusSplit;
}

const CORPUS_FILE = fileURLToPath(new URL('./redactionCorpus.txt', import.meta.url));
/** Written after the redactor was tuned and scored once, untouched since: a second, fresh held-out set. */
const FRESH_FILE = fileURLToPath(new URL('./redactionCorpus.fresh.txt', import.meta.url));
/** How many generated samples join the hand-written ones. */
const GENERATED = 132;
const MARK = /\{\{([A-Z_]+|~)\|([^\n]*?)\}\}/g;

/** FNV-1a of the id: the split never depends on the order samples are read in. */
export function splitOf(id: string): CorpusSplit {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193) >>> 0;
  return hash % 2 === 0 ? 'dev' : 'test';
}

function unescape(text: string): string {
  return text.replace(/\\u\{([0-9a-fA-F]+)\}/g, (_m, hex: string) => String.fromCodePoint(parseInt(hex, 16)));
}

/** One sample from its markup: the text is normalised piece by piece so the marks keep their places. */
export function parseSample(id: string, lang: string, type: string, requester: string | undefined, marked: string): CorpusSample {
  const source = unescape(marked);
  let text = '';
  const items: PlantedItem[] = [];
  const lookAlikes: Marked[] = [];
  let at = 0;
  for (const m of source.matchAll(MARK)) {
    text += normaliseUntrusted(source.slice(at, m.index));
    const value = normaliseUntrusted(m[2] as string);
    const mark = { start: text.length, end: text.length + value.length, value };
    const kind = m[1] as string;
    if (kind === '~') lookAlikes.push(mark);
    else if ((PII_KINDS as readonly string[]).includes(kind)) items.push({ ...mark, kind: kind as PiiKind });
    else throw new Error(`corpus sample ${id}: unknown kind ${kind}`);
    text += value;
    at = m.index + m[0].length;
  }
  text += normaliseUntrusted(source.slice(at));
  if (normaliseUntrusted(text) !== text) throw new Error(`corpus sample ${id}: normalising the pieces apart changed the text`);
  return { id, lang, type, requester, text: text.trim() === text ? text : text, items, lookAlikes, split: splitOf(id) };
}

function handWritten(file = CORPUS_FILE): CorpusSample[] {
  const samples: CorpusSample[] = [];
  const blocks = readFileSync(file, 'utf8').split(/^### /m).slice(1);
  for (const block of blocks) {
    const newline = block.indexOf('\n');
    const [id, lang, type, ...rest] = block.slice(0, newline).trim().split(' ');
    if (id === undefined || lang === undefined || type === undefined)
      throw new Error(`corpus header without id, lang and type: ${block.slice(0, 40)}`);
    const requester = rest.join(' ').match(/^requester=(.+)$/)?.[1];
    samples.push(parseSample(id, lang, type, requester, block.slice(newline + 1).replace(/\n+$/, '')));
  }
  return samples;
}

/** Every sample, hand-written then generated; filter by `split` for dev or test. */
export function loadRedactionCorpus(): CorpusSample[] {
  const generated = spellingVariants(GENERATED).map((g) => parseSample(g.id, g.lang, 'ticket', undefined, g.marked));
  const all = [...handWritten(), ...generated];
  const ids = new Set(all.map((s) => s.id));
  if (ids.size !== all.length) throw new Error('corpus sample ids are not unique');
  return all;
}

/**
 * The fresh held-out samples (all counted as `test`): written after tuning on dev had ended and the
 * test split had been read, so nothing was ever tuned with them in view.
 */
export function loadFreshRedactionSamples(): CorpusSample[] {
  return handWritten(FRESH_FILE).map((s) => ({ ...s, split: 'test' }));
}
