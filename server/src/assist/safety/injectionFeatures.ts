/**
 * Turns a text into the injection classifier's features: which cues of `injectionCues.ts` fire,
 * in the text itself or only in text decoded from it, and how it is dressed (look-alike
 * characters, invisible characters). Every feature is in [0, 1], so the fitted weights read as
 * "how much this cue counts".
 *
 * Views scored: the normalised text with accents dropped (what a reader sees), its confusable fold
 * (homoglyphs, leetspeak and full-width mapped to ASCII; from `security/untrustedText.ts`), and each
 * text `decodeEmbedded` finds (base64, hex, URL, HTML entities, rot13, Unicode tags). Linear in the
 * input: a bounded number of views, each scanned once per cue kind.
 */
import { foldConfusables, normaliseUntrusted } from '../../security/untrustedText.js';
import { wordBeforeLookbehind } from './cueSyntax.js';
import { decodeEmbedded, type EncodingName } from './embeddedEncodings.js';
import { CUE_NAMES, CUE_PATTERNS, INTENT_CUES, type CueName } from './injectionCues.js';

export const FEATURE_NAMES = [
  ...CUE_NAMES,
  /** An intent cue fires only in decoded text. */
  'encoded',
  /** An intent cue fires only once look-alike characters are folded. */
  'disguised',
  /** An intent cue fires inside text a reader does not see as text: an HTML or markdown comment, a hidden span, alt or title text, a code comment. */
  'hiddenIntent',
  /** Zero-width, bidi or tag characters in the raw text. */
  'invisible',
  /** How many different intent cues fire, scaled to [0, 1]. */
  'cueCount',
  /**
   * Whether any intent cue fires: what one cue counts for before its own weight, learnt from every
   * cue's firings together, so a cue that only ever fired beside stronger ones in training still
   * counts when it fires alone.
   */
  'anyIntent',
] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];
export type Features = Record<FeatureName, number>;

export interface FeatureReport {
  features: Features;
  /** The encodings whose decoded text carried a cue. */
  encodings: EncodingName[];
}

/** Longer texts are scored on their first part; the pipeline sends at most a few thousand characters per message anyway. */
export const MAX_SCORED_CHARS = 50_000;

const LATIN_MARKS = /([A-Za-z])\p{M}+/gu;
const ARABIC_MARKS = /[\u064B-\u065F\u0670\u0640]/g;
/** Invisible characters a sender can use to hide or split words; ZWJ and VS16 alone are emoji glue. */
const INVISIBLE = /[\u200B\u200C\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u00AD\u{E0000}-\u{E007F}]/gu;

/**
 * Where an instruction hides from the person reading a ticket or an article: HTML and markdown
 * comments, spans styled invisible, image alt and title text, and code comments. Each capture is
 * bounded, so the scan stays linear.
 */
const HIDDEN_REGION =
  /<!--([\s\S]{0,600}?)-->|\[\/\/\]:\s*#\s*\(([^)\n]{0,600})\)|<(?:span|div|p|font)\b[^>]{0,200}?(?:display\s*:\s*none|font-size\s*:\s*0|visibility\s*:\s*hidden|opacity\s*:\s*0)[^>]{0,200}>([^<]{0,600})|!\[([^\]\n]{0,300})\]\(|\b(?:alt|title)\s*=\s*"([^"\n]{0,300})"|(?:^|\n)[^\S\n]*(?:\/\/|#)[^\S\n]([^\n]{0,300})|\/\*([\s\S]{0,600}?)\*\//g;
/** The hidden regions joined, at most this much of them. */
const MAX_HIDDEN_CHARS = 4096;

function hiddenText(text: string): string {
  let out = '';
  for (const match of text.matchAll(HIDDEN_REGION)) {
    for (let g = 1; g < match.length; g += 1) if (match[g] !== undefined) out += `${match[g] as string}\n`;
    if (out.length >= MAX_HIDDEN_CHARS) return out.slice(0, MAX_HIDDEN_CHARS);
  }
  return out;
}

/** Arabic vowel marks removed and alef, taa marbuta and alef maqsura forms unified. */
function unifyArabic(text: string): string {
  return text.replace(ARABIC_MARKS, '').replace(/[أإآ]/g, 'ا').replace(/ة/g, 'ه').replace(/ى/g, 'ي');
}

/** Lower-cased, Latin accents dropped, Arabic letter forms unified, typographic apostrophes straightened. */
function detectorView(text: string): string {
  return unifyArabic(text.toLowerCase().normalize('NFD').replace(LATIN_MARKS, '$1').normalize('NFC')).replace(/[’‘`´]/g, "'");
}

/** Patterns see the same Arabic letter forms as the text (the lexicon is written with the usual spellings). */
const COMPILED: readonly [CueName, RegExp][] = CUE_NAMES.map((name) => [
  name,
  new RegExp(unifyArabic(CUE_PATTERNS[name].map(wordBeforeLookbehind).join('|')), 'u'),
]);

function cuesIn(view: string): Set<CueName> {
  const found = new Set<CueName>();
  for (const [name, pattern] of COMPILED) if (pattern.test(view)) found.add(name);
  return found;
}

export function injectionFeatures(text: string): FeatureReport {
  const raw = text.length > MAX_SCORED_CHARS ? text.slice(0, MAX_SCORED_CHARS) : text;
  const normalised = normaliseUntrusted(raw);
  const plainView = detectorView(normalised);
  const plain = cuesIn(plainView);
  // Most text has no look-alikes: its folded view is the same text, with the same cues.
  const foldedView = detectorView(foldConfusables(normalised));
  const folded = foldedView === plainView ? plain : cuesIn(foldedView);
  const hidden = hiddenText(normalised);
  const hiddenCues = hidden === '' ? undefined : cuesIn(detectorView(foldConfusables(hidden)));
  const decoded = new Set<CueName>();
  const encodings = new Set<EncodingName>();
  for (const view of decodeEmbedded(raw, normalised)) {
    const cues = cuesIn(detectorView(foldConfusables(view.text)));
    if (INTENT_CUES.some((c) => cues.has(c))) encodings.add(view.encoding);
    for (const c of cues) decoded.add(c);
  }

  const all = new Set([...plain, ...folded, ...decoded]);
  const intents = INTENT_CUES.filter((c) => all.has(c));
  const features = Object.fromEntries(FEATURE_NAMES.map((n) => [n, 0])) as Features;
  for (const c of all) features[c] = 1;
  features.encoded = INTENT_CUES.some((c) => decoded.has(c) && !plain.has(c) && !folded.has(c)) ? 1 : 0;
  features.disguised = INTENT_CUES.some((c) => folded.has(c) && !plain.has(c)) ? 1 : 0;
  features.hiddenIntent = hiddenCues !== undefined && INTENT_CUES.some((c) => hiddenCues.has(c)) ? 1 : 0;
  features.invisible = Math.min(1, (raw.match(INVISIBLE)?.length ?? 0) / 4);
  features.cueCount = Math.min(1, intents.length / 4);
  features.anyIntent = intents.length > 0 ? 1 : 0;
  return { features, encodings: [...encodings] };
}
