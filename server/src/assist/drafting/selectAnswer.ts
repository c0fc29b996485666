/**
 * Picks what of the sources answers the question asked: the customer's text is cut into its
 * questions, and for each the best unit of the passages (a sentence, or a whole list) is chosen
 * by the question's terms it contains, weighted by how rare each is among the passages' units (a
 * word every unit shares says nothing), with the unit's heading counted too, and a small prior for
 * the retriever's order. Units come back question by question, so the first question is answered
 * first; more units are added only while they score near the best.
 */
import { analyze, expandAcrossLanguages } from '@tandem/shared/search';
import { questionsOf } from '../confidence/answerFeatures.js';
import type { DraftPassage } from './drafter.js';
import { passageUnits, type PassageUnit } from './passageUnits.js';

export interface Candidate {
  passage: DraftPassage;
  unit: PassageUnit;
  score: number;
}

/** A unit's heading counts for less than its own words. */
const HEADING_WEIGHT = 0.5;
/** The subject names the topic of every question, at a lower weight than the question's own words. */
const SUBJECT_WEIGHT = 0.5;
const RANK_PRIOR = 0.3;
/** A question asking when, how long, how much or how many is answered by a unit with a number in it. */
const QUANTITY_QUESTION =
  /\b(?:when|how (?:long|soon|much|many|often)|fees?|costs?|price|charges?|limits?|rates?|minimum|maximum|cu[aá]ndo|cu[aá]nt[oa]s?|wann|wie (?:lange|viel|viele|oft)|geb[uü]hr\w*|quand|combien|frais|quando|quant[oa]s?|taxas?)\b/iu;
const NUMBER_BONUS = 1;
/** A further unit for the same question must score this share of its best. */
const NEAR_BEST = 0.75;
/** Extra units (beyond one per question) must score this share of the best unit overall. */
const FILL_SHARE = 0.6;

function questionTerms(text: string, language: string): Map<string, number> {
  const terms = new Map<string, number>();
  for (const t of analyze(text)) terms.set(t, 1);
  if (language !== 'en') for (const t of expandAcrossLanguages(text, language)) terms.set(t, 1);
  return terms;
}

export function selectAnswer(
  question: { subject: string; customerText: string; language: string },
  passages: readonly DraftPassage[],
  max: number,
): Candidate[] {
  const all: (Candidate & { terms: Set<string>; headingTerms: Set<string>; rank: number; hasNumber: boolean })[] = [];
  passages.forEach((passage, rank) => {
    for (const unit of passageUnits(passage.text, passage.sectionPath, passage.title)) {
      const terms = new Set(analyze([unit.text, ...unit.items].join(' ')));
      const headingTerms = new Set(analyze(`${unit.heading} ${passage.title}`));
      all.push({ passage, unit, score: 0, terms, headingTerms, rank, hasNumber: /\d/.test([unit.text, ...unit.items].join(' ')) });
    }
  });
  if (all.length === 0 || max <= 0) return [];
  const df = new Map<string, number>();
  for (const c of all) for (const t of new Set([...c.terms, ...c.headingTerms])) df.set(t, (df.get(t) ?? 0) + 1);
  const idf = (t: string) => Math.log(1 + all.length / (df.get(t) ?? 1));
  const subject = questionTerms(question.subject, question.language);
  const scoreFor = (wanted: ReadonlyMap<string, number>, c: (typeof all)[number], quantity: boolean) => {
    let s = quantity && c.hasNumber ? NUMBER_BONUS : 0;
    for (const [t, w] of wanted) {
      if (c.terms.has(t)) s += w * idf(t);
      else if (c.headingTerms.has(t)) s += HEADING_WEIGHT * w * idf(t);
    }
    // Long units match more words by length alone; a list is judged like a paragraph of its items.
    return s / Math.sqrt(1 + c.terms.size / 8) + RANK_PRIOR / (c.rank + 1);
  };
  const asked = questionsOf(question.customerText);
  const chosen: typeof all = [];
  const take = (c: (typeof all)[number], score: number) => {
    chosen.push({ ...c, score });
  };
  for (const q of asked) {
    if (chosen.length >= max) break;
    const wanted = questionTerms(q, question.language);
    for (const [t, w] of subject) if (!wanted.has(t)) wanted.set(t, SUBJECT_WEIGHT * w);
    const ranked = all
      .filter((c) => !chosen.some((d) => d.unit === c.unit))
      .map((c) => ({ c, score: scoreFor(wanted, c, QUANTITY_QUESTION.test(q)) }))
      .sort((a, b) => b.score - a.score);
    const best = ranked[0];
    if (best === undefined || best.score <= RANK_PRIOR) continue;
    take(best.c, best.score);
    const second = ranked[1];
    if (second !== undefined && chosen.length < max && asked.length === 1 && second.score >= NEAR_BEST * best.score)
      take(second.c, second.score);
  }
  // Room left: the units nearest the whole ticket, while they score near the best.
  const whole = questionTerms(`${question.subject}\n${question.customerText}`, question.language);
  const rest = all
    .filter((c) => !chosen.some((d) => d.unit === c.unit))
    .map((c) => ({ c, score: scoreFor(whole, c, false) }))
    .sort((a, b) => b.score - a.score);
  const top = Math.max(rest[0]?.score ?? 0, ...chosen.map((c) => c.score));
  for (const r of rest) {
    if (chosen.length >= max || r.score < FILL_SHARE * top || r.score <= RANK_PRIOR) break;
    take(r.c, r.score);
  }
  return chosen.map(({ passage, unit, score }) => ({ passage, unit, score }));
}
