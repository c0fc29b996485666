/**
 * When the AI should step back for a person, decided from what the pipeline saw: the visitor
 * asking for one (in English, Spanish, German, French or Portuguese, matched on the folded text so
 * look-alike letters and digits do not hide it), a clearly upset visitor, knowledge that cannot
 * support an answer above the site's threshold however well the reply used it, and a change the
 * visitor asked for (a write action their own words make apply), which only a person may run.
 */
import type { ActionSuggestion, CitedSource, TicketAnalysis } from '@tandem/shared';
import { draftConfidence, type ActionCatalog, type ActionContext, type ActionDefinition } from '../assist/index.js';
import { foldConfusables } from '../security/untrustedText.js';

const ASKS_FOR_HUMAN: readonly RegExp[] = [
  /\b(?:talk|speak|chat)\s+(?:to|with)\s+(?:a|an|some|your|one\s+of\s+your)?\s*(?:real\s+|live\s+|actual\s+)?(?:person|human|agent|representative|rep|someone|somebody|operator|staff|people|manager)\b/,
  /\b(?:real|live|actual)\s+(?:person|human|agent)\b/,
  /\bhuman\s+(?:agent|being|support|please)\b/,
  /\b(?:connect|transfer|put)\s+me\s+(?:to|with|through\s+to)\s+(?:a|an|some|your)?\s*(?:person|human|agent|representative|someone|operator)\b/,
  /\b(?:get|want|need)\s+(?:a|an)\s+(?:person|human|agent)\b/,
  /\bhablar\s+con\s+(?:una\s+persona|un\s+humano|un\s+agente|alguien|un\s+asesor|un\s+operador)\b/,
  /\b(?:persona|agente)\s+real\b/,
  /\b(?:einem|einer|einen)\s+(?:menschen|mitarbeiter|mitarbeiterin|person|berater|beraterin)\s+(?:sprechen|reden)\b/,
  /\b(?:echten?|echter)\s+(?:menschen|mensch|person|mitarbeiter)\b/,
  /\bparler\s+(?:a|avec)\s+(?:un|une|quelqu'un|quelqu’un)\s*(?:humain|personne|conseiller|conseillere|agent|operateur)?\b/,
  /\b(?:vrai|vraie)\s+(?:personne|humain|conseiller)\b/,
  /\bfalar\s+com\s+(?:um|uma|alguem)\s*(?:humano|pessoa|atendente|agente)?\b/,
  /\batendente\s+(?:humano|real)\b/,
];

export function asksForHuman(text: string): boolean {
  const folded = foldConfusables(text);
  return ASKS_FOR_HUMAN.some((pattern) => pattern.test(folded));
}

/** Strong negative feeling: a negative reading with high frustration, not a mild complaint. */
export const UPSET_FRUSTRATION = 0.7;

export function isClearlyUpset(analysis: Pick<TicketAnalysis, 'sentiment' | 'frustration'>): boolean {
  return analysis.sentiment === 'negative' && analysis.frustration >= UPSET_FRUSTRATION;
}

/**
 * The best confidence any reply could reach from these sources: the retrieval signals as they
 * are, the reply fully covered by its sources and the model fully sure. Below the site's
 * threshold, drafting cannot help; the knowledge base has no answer.
 */
export function confidenceCeiling(sources: readonly Pick<CitedSource, 'score'>[]): number {
  if (sources.length === 0) return 0;
  const top = sources[0]?.score ?? 0;
  return draftConfidence({ topScore: top, margin: top - (sources[1]?.score ?? 0), coverage: 1, selfReported: 1, injection: false });
}

/** Whether the visitor's own words make the action apply: it applies, but not once their messages are removed. */
function askedFor(definition: ActionDefinition, context: ActionContext): boolean {
  const { ticket } = context;
  const silent = { ...context, ticket: { ...ticket, messages: ticket.messages.filter((m) => m.authorRole !== 'customer') } };
  try {
    return definition.prefill(context) !== undefined && definition.prefill(silent) === undefined;
  } catch {
    return false;
  }
}

/** What a handoff means for an action: a person to run the change, or the visitor asking for a person. */
export type RequestedAction = { kind: 'change'; suggestion: ActionSuggestion } | { kind: 'person' };

/**
 * The change the visitor asked for among the suggestions: a write action their words make apply
 * (a refund for the order they named), never one flagged as a possible injection. A "transfer to
 * a human" action is the visitor asking for a person, not a change to run.
 */
export function requestedAction(
  catalog: ActionCatalog,
  suggestions: readonly ActionSuggestion[],
  context: ActionContext,
): RequestedAction | undefined {
  for (const suggestion of suggestions) {
    if (suggestion.risk !== 'write' || suggestion.flagged !== undefined) continue;
    const definition = catalog.get(suggestion.action);
    if (definition === undefined || !askedFor(definition, context)) continue;
    return /transferToHuman$/.test(suggestion.action) ? { kind: 'person' } : { kind: 'change', suggestion };
  }
  return undefined;
}
