/**
 * Scores a reading of the analysis set's messages against their labels: accuracy and macro-F1 of
 * sentiment, frustration level and urgency. Two readings are measured side by side: the fitted
 * analysis (`analyseTurns`, given the subject, the count of earlier messages and the newest
 * message) and the lexicon baseline, given what the draft pipeline gave it (the subject and the
 * last three customer messages joined, `ticketCustomerText`). Frustration scores are read as
 * levels at 0.3 and 0.7, as the labelling guide and the live alert do.
 */
import { ticketCustomerText } from '@tandem/shared';
import { lexiconBaselineSignals } from '../lexiconBaseline.js';
import type { AnalysisModel } from '../model/analysisModel.js';
import { analyseTurns, frustrationLevel } from '../ticketSignals.js';
import { FRUSTRATION_LABELS, SENTIMENT_LABELS, URGENCY_LABELS, type AnalysisMessage } from './analysisCorpus.js';
import { classFigures, type ClassFigures } from './classificationMetrics.js';

export interface Reading {
  sentiment: string;
  frustration: string;
  urgency: string;
}

export interface AnalysisFigures {
  sentiment: ClassFigures;
  frustration: ClassFigures;
  urgency: ClassFigures;
  count: number;
}

export type Reader = (message: AnalysisMessage) => Reading;

export const fittedReader =
  (model?: AnalysisModel): Reader =>
  (m) => {
    const turns = { subject: m.subject, earlierCount: m.earlier?.length ?? 0, latest: m.text };
    const s = model === undefined ? analyseTurns(turns, m.language) : analyseTurns(turns, m.language, model);
    return { sentiment: s.sentiment, frustration: frustrationLevel(s.frustration), urgency: s.urgency };
  };

export const baselineReader: Reader = (m) => {
  const messages = [...(m.earlier ?? []), m.text].map((body) => ({ authorRole: 'customer' as const, body, partial: false }));
  const s = lexiconBaselineSignals(ticketCustomerText({ subject: m.subject ?? '', messages }), m.language);
  return { sentiment: s.sentiment, frustration: frustrationLevel(s.frustration), urgency: s.urgency };
};

export function evaluateReader(messages: readonly AnalysisMessage[], read: Reader): AnalysisFigures {
  const readings = messages.map(read);
  const head = (key: keyof Reading, labels: readonly string[]) =>
    classFigures(
      messages.map((m) => m[key]),
      readings.map((r) => r[key]),
      labels,
    );
  return {
    sentiment: head('sentiment', SENTIMENT_LABELS),
    frustration: head('frustration', FRUSTRATION_LABELS),
    urgency: head('urgency', URGENCY_LABELS),
    count: messages.length,
  };
}

const f3 = (x: number) => x.toFixed(3);

/** One line per output: "sentiment acc 0.812 F1 0.790 | baseline acc 0.611 F1 0.540". */
export function formatComparison(fitted: AnalysisFigures, baseline: AnalysisFigures): string[] {
  return (['sentiment', 'frustration', 'urgency'] as const).map(
    (key) =>
      `${key.padEnd(11)} accuracy ${f3(fitted[key].accuracy)} macro-F1 ${f3(fitted[key].macroF1)}` +
      `  |  lexicon baseline ${f3(baseline[key].accuracy)} / ${f3(baseline[key].macroF1)}`,
  );
}
