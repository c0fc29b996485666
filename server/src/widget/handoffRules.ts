/**
 * When the AI should step back for a person, decided from what the pipeline saw: the visitor
 * asking for one (in English, Spanish, German, French or Portuguese, matched on the folded text so
 * look-alike letters and digits do not hide it), a clearly upset visitor, an answer confidence
 * below the site's threshold (the fitted confidence the draft reports, known before drafting),
 * and a change the visitor asked for (a write action their own words make apply), which only a
 * person may run.
 */
import type { ActionSuggestion, TicketAnalysis, WidgetHandoffReason } from '@tandem/shared';
import type { ActionCatalog, ActionContext, ActionDefinition } from '../assist/index.js';
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
 * Whether the knowledge base can carry an answer on this site: the draft's confidence (the fitted
 * answer model's probability that the retrieved sources answer the message, the same number the
 * draft reports and the answer carries) against the site's threshold. Below it, `no-answer` when
 * nothing was retrieved or the model reads the sources as not answering at all (`sourcesAnswer`
 * false: below its no-answer cut), `low-confidence` when they may answer but not surely enough for
 * this site. Scored before drafting, so the widget hands off before a word is shown.
 */
export function knowledgeHandoff(
  answer: { confidence: number; sourcesAnswer: boolean; sources: number },
  threshold: number,
): Extract<WidgetHandoffReason, 'no-answer' | 'low-confidence'> | undefined {
  if (answer.confidence >= threshold) return undefined;
  return answer.sources === 0 || !answer.sourcesAnswer ? 'no-answer' : 'low-confidence';
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
