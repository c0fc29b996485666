/**
 * Runs the injection classifier over what a draft is built from: each customer message the model
 * will see (and the subject), and each retrieved knowledge passage. Flagged texts are marked for
 * the prompt and become findings that flag the draft and its suggestions; with the workspace
 * policy `excludeFlaggedSources`, flagged passages are left out instead. Scored on the text the
 * model would get (before redaction, so account numbers and addresses still count as cues).
 * Scores are kept by text (injectionScoreCache.ts): each answer screens the whole conversation
 * again, but only its newest message has not been scored before.
 */
import type { InjectionFinding, InjectionScore } from './injectionDetector.js';
import { InjectionScoreCache } from './injectionScoreCache.js';

/** What the classifier reads of one message: the part the model sees, plus the margin it is redacted with. */
const MAX_MESSAGE_CHARS = 4400;
/** The customer's messages joined into one line, scored when no single message is flagged: an instruction split across messages. */
const MAX_TICKET_CHARS = 16_000;

/** Customer messages, subjects and joined tickets: a few per open conversation. */
const ticketScores = new InjectionScoreCache(8192);
/** Knowledge passages: the retrieved ones of a knowledge base come back draft after draft. */
const passageScores = new InjectionScoreCache(1024);

const findingOf = (score: InjectionScore, where: string): InjectionFinding => ({
  reason: score.reasons.join(', ') || 'looks like instructions to the assistant',
  where,
  score: Number(score.score.toFixed(3)),
});

export interface ScreenedTicket {
  subjectFlagged: boolean;
  /** Positions (0-based) in `customerTurns` of the messages that were flagged. */
  flaggedTurns: Set<number>;
  findings: InjectionFinding[];
}

/**
 * `turns` are the messages the model will see, in order, with whether the customer wrote them;
 * findings name them `message n` (1-based, as the prompt lists them).
 */
export function screenTicket(subject: string, turns: readonly { customer: boolean; body: string }[]): ScreenedTicket {
  const findings: InjectionFinding[] = [];
  const subjectScore = ticketScores.scoreOf(subject);
  if (subjectScore.flagged) findings.push(findingOf(subjectScore, 'subject'));
  const flaggedTurns = new Set<number>();
  turns.forEach((turn, i) => {
    if (!turn.customer) return;
    const score = ticketScores.scoreOf(turn.body.slice(0, MAX_MESSAGE_CHARS));
    if (!score.flagged) return;
    flaggedTurns.add(i);
    findings.push(findingOf(score, `message ${i + 1}`));
  });
  const customerTurns = turns.filter((t) => t.customer);
  // With one customer message the joined text is that message again: nothing new to find.
  if (findings.length === 0 && customerTurns.length > 1) {
    const wholeText = customerTurns.map((t) => t.body.slice(0, MAX_MESSAGE_CHARS).trim()).join(' ');
    const whole = ticketScores.scoreOf(wholeText.slice(0, MAX_TICKET_CHARS));
    if (whole.flagged) {
      findings.push(findingOf(whole, 'ticket'));
      turns.forEach((turn, i) => {
        if (turn.customer) flaggedTurns.add(i);
      });
    }
  }
  return { subjectFlagged: subjectScore.flagged, flaggedTurns, findings };
}

export interface ScreenedPassage<T> {
  passage: T;
  flagged: boolean;
  score: InjectionScore;
}

export interface ScreenedPassages<T> {
  /** In retrieval order; the prompt numbers them 1… in this order. */
  kept: ScreenedPassage<T>[];
  /** Flagged passages the workspace's policy left out. */
  excluded: ScreenedPassage<T>[];
}

export function screenPassages<T extends { title: string; text: string }>(
  passages: readonly T[],
  excludeFlagged: boolean,
): ScreenedPassages<T> {
  const screened = passages.map((passage) => {
    const score = passageScores.scoreOf(`${passage.title}\n${passage.text}`);
    return { passage, flagged: score.flagged, score };
  });
  return excludeFlagged
    ? { kept: screened.filter((s) => !s.flagged), excluded: screened.filter((s) => s.flagged) }
    : { kept: screened, excluded: [] };
}

/** Findings for the kept passages that were flagged, as `source n`. */
export function passageFindings<T>(kept: readonly ScreenedPassage<T>[]): InjectionFinding[] {
  return kept.flatMap((s, i) => (s.flagged ? [findingOf(s.score, `source ${i + 1}`)] : []));
}

/**
 * The ticket's messages as written, lined up with the conversation the model gets (its newest
 * customer and agent turns, same roles in the same order), so they can be scored before redaction;
 * the conversation's own texts when they do not line up (a message filter changed upstream).
 */
export function ticketTurnsFor(
  messages: readonly { authorRole: string; body: string }[],
  conversation: readonly { role: 'customer' | 'agent'; text: string }[],
): { customer: boolean; body: string }[] {
  if (conversation.length === 0) return [];
  const own = messages.filter((m) => m.authorRole === 'customer' || m.authorRole === 'agent').slice(-conversation.length);
  const aligned = own.length === conversation.length && own.every((m, i) => m.authorRole === conversation[i]?.role);
  return aligned
    ? own.map((m) => ({ customer: m.authorRole === 'customer', body: m.body }))
    : conversation.map((t) => ({ customer: t.role === 'customer', body: t.text }));
}

/** The conversation with the flagged turns marked for the prompt. */
export function markFlaggedTurns<T extends object>(
  conversation: readonly T[],
  flagged: ReadonlySet<number>,
): (T & { flagged?: boolean })[] {
  return conversation.map((turn, i) => (flagged.has(i) ? { ...turn, flagged: true } : turn));
}
