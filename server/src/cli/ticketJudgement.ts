/**
 * Judges one ranking per labelled ticket, two ways, per split and language group:
 *
 * - per ticket: the ranking against the union of its questions' primary documents (what an agent
 *   sees on the card list for the whole ticket); unanswerable tickets feed the top-score figures.
 * - per question: the same ranking against each answerable question's own primary documents, so a
 *   ticket asking two things scores a miss for the question its top results ignore.
 *
 * The engine gets the whole ticket as it would in the product; how it splits the ticket into
 * questions (if at all) is its business, and this judgement does not change with it.
 */
import { documentGrades, primaryDocuments, type LabelledTicket, type Split } from './labelledTickets.js';
import { retrievalReport, type JudgedQuery, type RetrievalReport } from './retrievalMetrics.js';

export interface TicketRanking {
  ranked: readonly string[];
  topScore: number;
  latencyMs: number;
}

export const LANGUAGE_GROUPS = ['all', 'en', 'non-en'] as const;
export type LanguageGroup = (typeof LANGUAGE_GROUPS)[number];

export interface GroupReport {
  tickets: RetrievalReport;
  questions: RetrievalReport;
}

export type SplitName = Split | 'all';

export function inLanguageGroup(ticket: Pick<LabelledTicket, 'language'>, group: LanguageGroup): boolean {
  return group === 'all' || (group === 'en') === (ticket.language === 'en');
}

export function judgeTicket(ticket: LabelledTicket, ranking: TicketRanking): JudgedQuery {
  return {
    id: ticket.id,
    relevant: primaryDocuments(ticket),
    grades: documentGrades(ticket.questions),
    ...ranking,
  };
}

export function judgeQuestions(ticket: LabelledTicket, ranking: TicketRanking): JudgedQuery[] {
  return ticket.questions.flatMap((q, i) =>
    q.answerable ? [{ id: `${ticket.id}#q${i + 1}`, relevant: q.primary, grades: documentGrades([q]), ...ranking }] : [],
  );
}

/** Reports of one group of tickets; tickets without a ranking (their knowledge base was not run) are left out. */
export function groupReport(tickets: readonly LabelledTicket[], rankings: ReadonlyMap<string, TicketRanking>): GroupReport {
  const ranked = tickets.flatMap((t) => {
    const ranking = rankings.get(t.id);
    return ranking === undefined ? [] : [{ t, ranking }];
  });
  return {
    tickets: retrievalReport(ranked.map(({ t, ranking }) => judgeTicket(t, ranking))),
    questions: retrievalReport(ranked.flatMap(({ t, ranking }) => judgeQuestions(t, ranking))),
  };
}

/** Reports per split (and all splits together) and per language group. */
export function ticketSetReports(
  tickets: readonly LabelledTicket[],
  rankings: ReadonlyMap<string, TicketRanking>,
  splits: readonly SplitName[],
): Record<string, Record<LanguageGroup, GroupReport>> {
  const reports: Record<string, Record<LanguageGroup, GroupReport>> = {};
  for (const split of splits) {
    const inSplit = tickets.filter((t) => split === 'all' || t.split === split);
    const byGroup = {} as Record<LanguageGroup, GroupReport>;
    for (const group of LANGUAGE_GROUPS)
      byGroup[group] = groupReport(
        inSplit.filter((t) => inLanguageGroup(t, group)),
        rankings,
      );
    reports[split] = byGroup;
  }
  return reports;
}
