/**
 * Which actions to suggest for a ticket, with arguments pre-filled from the ticket and live
 * state. Arguments come only from `prefill` (data the agent can see), never from model output:
 * the model's tool calls only raise an action's rank. When the ticket or a source tried to
 * instruct the assistant, every suggestion is flagged for the agent.
 */
import { randomUUID } from 'node:crypto';
import type { ActionSuggestion } from '@tandem/shared';
import { analyze } from '@tandem/shared/search';
import type { ActionContext, ActionDefinition } from './actionDefinition.js';

export interface ActionCatalog {
  list(): readonly ActionDefinition[];
  get(name: string): ActionDefinition | undefined;
}

export interface SuggestInput {
  context: ActionContext;
  /** Customer text the actions are matched against (subject and customer messages). */
  text: string;
  intent?: string | undefined;
  /** Actions the model proposed through tool calling. */
  modelCalls?: readonly string[] | undefined;
  /** Why the suggestions must be reviewed with care, when something looked like an injection. */
  flaggedReason?: string | undefined;
  limit?: number | undefined;
}

/** Outweighs what word overlap, a model call and complete arguments add on ordinary tickets, so the lookup leads and fallbacks trail. */
const FIRST_LOOKUP = 2;
/**
 * Once the customer is known, what they asked for is the agent's next step: it outweighs the
 * complete-arguments bonus and the word overlap a read gets (getOrder's "Returns an order" shares
 * "return" with a return request); a read the model called as well can still come first.
 */
const ASKED_FOR = 1;

/**
 * Whether the customer's own words make this write apply: it applies to the ticket, but not to the
 * same ticket with the customer's messages and subject removed. Writes that apply to any ticket
 * (open a ticket elsewhere, send a webhook) are not requests, nor are reads.
 */
function askedFor(definition: ActionDefinition, context: ActionContext): boolean {
  if (definition.risk === 'read') return false;
  const { ticket } = context;
  const silent = { ...context, ticket: { ...ticket, subject: '', messages: ticket.messages.filter((m) => m.authorRole !== 'customer') } };
  try {
    return definition.prefill(silent) === undefined;
  } catch {
    return false;
  }
}

function relevance(definition: ActionDefinition, terms: ReadonlySet<string>, intent: string | undefined): number {
  const described = analyze(
    `${definition.name.replace(/[.]/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2')} ${definition.title} ${definition.description}`,
  );
  let overlap = 0;
  for (const t of new Set(described)) if (terms.has(t)) overlap += 1;
  const intentTerms = intent === undefined ? [] : analyze(intent.replace(/_/g, ' '));
  const intentHit = intentTerms.some((t) => described.includes(t)) ? 1 : 0;
  return overlap / Math.sqrt(described.length + 1) + 0.5 * intentHit;
}

export function suggestActions(catalog: ActionCatalog, input: SuggestInput): ActionSuggestion[] {
  const terms = new Set(analyze(input.text));
  const identified = input.context.live !== undefined;
  const scored: { definition: ActionDefinition; args: Record<string, unknown>; score: number; complete: boolean }[] = [];
  for (const definition of catalog.list()) {
    let args: Record<string, unknown> | undefined;
    try {
      args = definition.prefill(input.context);
    } catch {
      args = undefined;
    }
    if (args === undefined) continue;
    let score = relevance(definition, terms, input.intent);
    if (input.modelCalls?.includes(definition.name) === true) score += 1;
    const complete = definition.argumentsSchema.safeParse(args).success;
    // Complete arguments make a suggestion one click away.
    if (complete) score += 0.3;
    if (identified && askedFor(definition, input.context)) score += ASKED_FOR;
    scored.push({ definition, args, score, complete });
  }
  if (!identified) {
    // One lookup identifies the customer: the first one with complete arguments (connectors list
    // their most reliable lookup first) goes first, and the other ways of finding the same person
    // are only fallbacks, so they come after what the customer asked for.
    const lookups = scored.filter((s) => s.definition.identifiesCustomer === true).sort((a, b) => Number(b.complete) - Number(a.complete));
    for (const [i, lookup] of lookups.entries()) lookup.score += i === 0 ? FIRST_LOOKUP : -FIRST_LOOKUP;
  }
  scored.sort((a, b) => b.score - a.score || a.definition.name.localeCompare(b.definition.name));
  return scored.slice(0, input.limit ?? 3).map(({ definition, args }) => ({
    id: `sg_${randomUUID()}`,
    action: definition.name,
    title: definition.title,
    risk: definition.risk,
    allowedRoles: [...definition.allowedRoles],
    arguments: args,
    rationale: definition.description,
    ...(input.flaggedReason === undefined ? {} : { flagged: { reason: input.flaggedReason } }),
  }));
}
