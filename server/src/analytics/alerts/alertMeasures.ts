/**
 * What each alert rule measures over its window, from the recorded events alone (definitions in
 * docs/alerts.md, "Alert measures"), and whether a value breaches the rule's threshold.
 */
import type { AlertRuleKind, AnalyticsEvent } from '@tandem/shared';

export interface AlertMeasure {
  /** Minutes (sla-wait), a share in [0, 1], or a mean score (csat-drop); null when nothing was measured. */
  value: number | null;
  /** What the value is computed over: waiting handoffs, conversations, AI turns, ratings. */
  samples: number;
}

const MINUTE_MS = 60_000;

/** Minutes the oldest handoff still waiting for a person (no human reply, hand-back or resolution after it) has waited. */
function slaWait(events: readonly AnalyticsEvent[], now: Date): AlertMeasure {
  const waitingSince = new Map<string, number>();
  const sorted = [...events].sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt) || a.seq - b.seq);
  for (const e of sorted) {
    if (e.conversationId === null) continue;
    const kind = e.data.kind;
    if (kind === 'handoff') {
      if (!waitingSince.has(e.conversationId)) waitingSince.set(e.conversationId, Date.parse(e.occurredAt));
    } else if (kind === 'human.replied' || kind === 'handback' || kind === 'conversation.resolved') {
      waitingSince.delete(e.conversationId);
    }
  }
  if (waitingSince.size === 0) return { value: null, samples: 0 };
  const oldest = Math.min(...waitingSince.values());
  return { value: Math.max(0, (now.getTime() - oldest) / MINUTE_MS), samples: waitingSince.size };
}

/** Share of the window's conversations handed over or fallen back for negative sentiment. */
function negativeSentiment(events: readonly AnalyticsEvent[]): AlertMeasure {
  const conversations = new Set<string>();
  const negative = new Set<string>();
  for (const e of events) {
    if (e.conversationId === null) continue;
    conversations.add(e.conversationId);
    const d = e.data;
    if ((d.kind === 'handoff' && d.cause === 'negative-sentiment') || (d.kind === 'ai.fallback' && d.reason === 'negative-sentiment'))
      negative.add(e.conversationId);
  }
  return conversations.size === 0
    ? { value: null, samples: 0 }
    : { value: negative.size / conversations.size, samples: conversations.size };
}

/** Share of the window's AI turns that fell back instead of answering. */
function fallbackShare(events: readonly AnalyticsEvent[]): AlertMeasure {
  let answered = 0;
  let fellBack = 0;
  for (const e of events) {
    if (e.data.kind === 'ai.answered') answered += 1;
    else if (e.data.kind === 'ai.fallback') fellBack += 1;
  }
  const turns = answered + fellBack;
  return turns === 0 ? { value: null, samples: 0 } : { value: fellBack / turns, samples: turns };
}

/** Mean rating (1–5) given in the window. */
function csatMean(events: readonly AnalyticsEvent[]): AlertMeasure {
  let sum = 0;
  let count = 0;
  for (const e of events) {
    if (e.data.kind !== 'rating') continue;
    sum += e.data.score;
    count += 1;
  }
  return count === 0 ? { value: null, samples: 0 } : { value: sum / count, samples: count };
}

export function measureAlert(kind: AlertRuleKind, events: readonly AnalyticsEvent[], now: Date): AlertMeasure {
  switch (kind) {
    case 'sla-wait':
      return slaWait(events, now);
    case 'negative-sentiment':
      return negativeSentiment(events);
    case 'fallback-spike':
      return fallbackShare(events);
    case 'csat-drop':
      return csatMean(events);
  }
}

/** CSAT breaches below its threshold, the others above it; too few samples never breach. */
export function isBreach(
  rule: { kind: AlertRuleKind; threshold: number; minSamples: number },
  measure: AlertMeasure,
): measure is { value: number; samples: number } {
  if (measure.value === null || measure.samples < rule.minSamples) return false;
  return rule.kind === 'csat-drop' ? measure.value < rule.threshold : measure.value > rule.threshold;
}
