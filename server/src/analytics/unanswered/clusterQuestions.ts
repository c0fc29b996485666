/**
 * Groups unanswered questions by lexical similarity (the fallback when no embedder is configured
 * or it fails; see embedQuestions.ts): word sets without stop words and with a light stemmer; a question joins
 * the cluster whose words it overlaps most, if the overlap coefficient (shared words over the
 * smaller set) reaches `minSimilarity`. Clusters come back largest first with counts and
 * a few PII-redacted examples, the console gap finder's input.
 */
import { PiiVault } from '../../security/redactPii.js';

export interface UnansweredQuestion {
  text: string;
  askedAt: string;
  /** Why it counts as unanswered: a fallback or handoff cause, or `low-confidence` for a weak answer. */
  reason: string;
}

export interface QuestionCluster {
  /** The words most members share, most frequent first. */
  label: string;
  count: number;
  reasons: Record<string, number>;
  examples: string[];
  lastAskedAt: string;
}

const STOP = new Set(
  "the and for are but not you your with have has had can could would should will what when where which who why how does did do this that there their them they from into about just than then also our out get got any all was were been being its it's i'm please hello thanks thank hi hey need want know tell".split(
    ' ',
  ),
);
const MAX_EXAMPLES = 3;
const MAX_EXAMPLE_CHARS = 200;

export function questionWords(text: string): Set<string> {
  const words = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .match(/[\p{L}\p{N}]+/gu);
  return new Set((words ?? []).filter((w) => w.length >= 3 && !STOP.has(w) && !/^\p{N}+$/u.test(w)).map(stem));
}

/** Plural s and -ing off, a doubled final consonant undone (shipping → ship); enough to join rephrasings. */
function stem(word: string): string {
  let w = word.length > 4 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
  if (w.length > 5 && w.endsWith('ing')) {
    w = w.slice(0, -3);
    if (w.length > 2 && w.at(-1) === w.at(-2)) w = w.slice(0, -1);
  }
  return w;
}

function overlap(a: ReadonlySet<string>, b: ReadonlyMap<string, number>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared += 1;
  return shared / Math.min(a.size, b.size);
}

export function clusterQuestions(
  questions: readonly UnansweredQuestion[],
  options: { minSimilarity?: number | undefined } = {},
): QuestionCluster[] {
  const minSimilarity = options.minSimilarity ?? 0.5;
  const clusters: { words: Map<string, number>; members: UnansweredQuestion[] }[] = [];
  for (const q of questions) {
    const words = questionWords(q.text);
    let best: (typeof clusters)[number] | undefined;
    let bestScore = minSimilarity;
    for (const c of clusters) {
      const score = overlap(words, c.words);
      if (score >= bestScore && (best === undefined || score > bestScore)) {
        best = c;
        bestScore = score;
      }
    }
    if (best === undefined) clusters.push((best = { words: new Map(), members: [] }));
    best.members.push(q);
    for (const w of words) best.words.set(w, (best.words.get(w) ?? 0) + 1);
  }
  return summariseClusters(clusters.map((c) => c.members));
}

/**
 * Counts, reasons, a label of the words members share most and the newest examples (redacted
 * again, so a caller that forgot cannot leak one), largest cluster first. Shared by the lexical
 * and the embedding clustering so both answer in one shape.
 */
export function summariseClusters(groups: readonly (readonly UnansweredQuestion[])[]): QuestionCluster[] {
  const vault = new PiiVault();
  return groups
    .filter((members) => members.length > 0)
    .map((members) => {
      const reasons: Record<string, number> = {};
      const words = new Map<string, number>();
      for (const m of members) {
        reasons[m.reason] = (reasons[m.reason] ?? 0) + 1;
        for (const w of questionWords(m.text)) words.set(w, (words.get(w) ?? 0) + 1);
      }
      const label = [...words]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, 4)
        .map(([w]) => w)
        .join(' ');
      const newest = [...members].sort((a, b) => Date.parse(b.askedAt) - Date.parse(a.askedAt));
      return {
        label,
        count: members.length,
        reasons,
        examples: newest.slice(0, MAX_EXAMPLES).map((m) => vault.redact(m.text).slice(0, MAX_EXAMPLE_CHARS)),
        lastAskedAt: newest[0]?.askedAt ?? '',
      };
    })
    .sort((a, b) => b.count - a.count || b.lastAskedAt.localeCompare(a.lastAskedAt) || a.label.localeCompare(b.label));
}
