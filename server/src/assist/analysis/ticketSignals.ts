/**
 * Sentiment, frustration and urgency of what a customer says now, read by a small fitted model:
 * the cues of `ticketFeatures.ts` (lexicon valence, repeat contact and earlier messages, waiting,
 * impatience, sarcasm, deadlines, emergencies, shouting, punctuation…) weighted per output by an
 * ordinal logistic layer fitted on the train split of our own labelled set
 * (bench/datasets/ticket-analysis). `signals` names the cues that fired, so an agent can see why a
 * ticket was marked frustrated or critical; the weights say how much each one counts.
 */
import type { TicketAnalysis, TicketContext } from '@tandem/shared';
import { type FeatureName, ticketFeatures, type CustomerTurns } from './ticketFeatures.js';
import { ANALYSIS_MODEL } from './model/analysisWeights.js';
import {
  FRUSTRATION_ANCHORS,
  readHead,
  scaled,
  SENTIMENT_ANCHORS,
  SENTIMENT_CLASSES,
  URGENCY_CLASSES,
  type AnalysisModel,
  type FRUSTRATION_CLASSES,
} from './model/analysisModel.js';

export type Sentiment = TicketAnalysis['sentiment'];
export type Urgency = TicketAnalysis['urgency'];
export type FrustrationLevel = (typeof FRUSTRATION_CLASSES)[number];

export type TicketSignal =
  | 'all-caps'
  | 'repeated-punctuation'
  | 'repeat-contact'
  | 'earlier-contacts'
  | 'waiting'
  | 'impatience'
  | 'sarcasm'
  | 'churn-threat'
  | 'legal-threat'
  | 'deadline'
  | 'emergency'
  | 'no-rush'
  | 'negation-flipped'
  | 'quoted-history';

export interface TicketSignals {
  sentiment: Sentiment;
  /** −1 (hostile) … 1 (delighted); `sentiment` is its banded form (negative at −0.4 and below, positive above 0.4). */
  score: number;
  /** 0 calm … 1 about to leave: "some" from 0.3, "high" from 0.7 (frustrationLevel). */
  frustration: number;
  urgency: Urgency;
  /** The cues that fired, in a fixed order. */
  signals: TicketSignal[];
}

const SIGNAL_FEATURES: readonly [TicketSignal, FeatureName][] = [
  ['all-caps', 'shouting'],
  ['repeated-punctuation', 'bursts'],
  ['repeat-contact', 'repeatContact'],
  ['earlier-contacts', 'priorContacts'],
  ['waiting', 'waiting'],
  ['impatience', 'impatience'],
  ['sarcasm', 'sarcasm'],
  ['churn-threat', 'churn'],
  ['legal-threat', 'legal'],
  ['deadline', 'deadline'],
  ['emergency', 'emergency'],
  ['no-rush', 'noRush'],
  ['negation-flipped', 'negatedPositive'],
  ['quoted-history', 'quotedHistory'],
];

/** The level of a frustration score, as the labelling guide and the live alert read it. */
export function frustrationLevel(frustration: number): FrustrationLevel {
  return frustration >= 0.7 ? 'high' : frustration >= 0.3 ? 'some' : 'none';
}

/** Signals of the customer's turns, in `language` (BCP 47 or ISO 639-1; others read with every lexicon). */
export function analyseTurns(turns: CustomerTurns, language: string, model: AnalysisModel = ANALYSIS_MODEL): TicketSignals {
  const { values } = ticketFeatures(turns, language);
  const sentiment = readHead(model.sentiment, values);
  const frustration = readHead(model.frustration, values);
  const urgency = readHead(model.urgency, values);
  return {
    sentiment: SENTIMENT_CLASSES[sentiment.level] ?? 'neutral',
    score: round2(scaled(model.sentiment, sentiment.latent, SENTIMENT_ANCHORS)),
    frustration: roundFrustration(scaled(model.frustration, frustration.latent, FRUSTRATION_ANCHORS)),
    urgency: URGENCY_CLASSES[urgency.level] ?? 'normal',
    signals: SIGNAL_FEATURES.filter(([, feature]) => values[feature] > 0).map(([signal]) => signal),
  };
}

/** Signals of one message on its own (no subject, no earlier messages). */
export function ticketSignals(text: string, language: string): TicketSignals {
  return analyseTurns({ earlierCount: 0, latest: text }, language);
}

/**
 * Signals of a ticket: its newest customer message, read with the subject, and how many customer
 * messages came before it (a third contact is a third contact, however politely written).
 */
export function ticketSignalsOf(
  ticket: { subject: string; messages: readonly Pick<TicketContext['messages'][number], 'authorRole' | 'body'>[] },
  language: string,
): TicketSignals {
  const customer = ticket.messages.filter((m) => m.authorRole === 'customer');
  const latest = customer[customer.length - 1];
  if (latest === undefined) return analyseTurns({ subject: ticket.subject, earlierCount: 0, latest: ticket.subject }, language);
  return analyseTurns({ subject: ticket.subject, earlierCount: customer.length - 1, latest: latest.body }, language);
}

/** Two decimals are all the precision the model has; `|| 0` turns −0 into 0. */
function round2(value: number): number {
  return Math.round(value * 100) / 100 || 0;
}

/** Rounded like round2, but never up across a level boundary, so frustrationLevel of the result is the model's level. */
function roundFrustration(value: number): number {
  const rounded = round2(value);
  return [0.3, 0.7].some((b) => value < b && rounded >= b) ? Math.floor(value * 100) / 100 || 0 : rounded;
}
