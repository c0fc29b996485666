/**
 * The drafting seam: an LLM behind the OpenAI-compatible API, or the embedded extractive drafter
 * when no key is configured or the provider fails. Both stream the same chunks, so the assist
 * pipeline and every client treat them alike.
 */
import type { ActionRisk, DraftLength } from '@tandem/shared';

/** A retrieved passage as the drafter sees it; `[n]` in the reply cites it. */
export interface DraftPassage {
  n: number;
  title: string;
  text: string;
  sectionPath: readonly string[];
  url?: string | undefined;
  language?: string | undefined;
  /** The injection classifier found instructions in it: the prompt marks it as data not to follow. */
  flagged?: boolean | undefined;
}

/** An action the model may propose through tool calling (its JSON Schema comes from the action's zod schema). */
export interface DraftTool {
  name: string;
  description: string;
  risk: ActionRisk;
  /** JSON Schema of the arguments. */
  parameters: Record<string, unknown>;
}

export interface DraftConversationTurn {
  role: 'customer' | 'agent';
  /** Already PII-redacted: placeholders like `[EMAIL_1]` instead of the real values. */
  text: string;
  /** The injection classifier found instructions in it: the prompt marks it as data not to follow. */
  flagged?: boolean | undefined;
  /** Only a snippet of the message was on the page (a collapsed e-mail): the text is not all of it. */
  partial?: boolean;
}

export interface DraftRequest {
  /** BCP 47 / ISO 639-1 code of the customer's language; the reply is written in it. */
  language: string;
  /** Redacted customer display name (or its placeholder), for the greeting. */
  customerName?: string | undefined;
  subject: string;
  /** The injection classifier found instructions in the subject. */
  subjectFlagged?: boolean | undefined;
  conversation: readonly DraftConversationTurn[];
  passages: readonly DraftPassage[];
  /** Short facts from the customer's live state ("Order #1042: payment failed 2 min ago"). */
  liveFacts: readonly string[];
  tools: readonly DraftTool[];
  /** Requested tone and length from the agent's options. */
  tone?: 'friendly' | 'formal' | 'concise' | undefined;
  /** Unset: as long as the tone suggests. */
  length?: DraftLength | undefined;
  /**
   * False when the answer confidence says the sources do not answer the ticket: the embedded
   * drafter then writes a plain "not in our help articles" reply with a handoff instead of quoting.
   */
  sourcesAnswer?: boolean | undefined;
}

export type DraftChunk =
  | { kind: 'token'; text: string }
  | { kind: 'tool-call'; name: string; arguments: unknown }
  | { kind: 'usage'; promptTokens: number; completionTokens: number; model: string }
  /** The model's own certainty when it reports one (0…1); the pipeline blends it into confidence. */
  | { kind: 'self-confidence'; value: number };

export interface Drafter {
  readonly kind: 'llm' | 'embedded';
  /**
   * Streams the reply. Ends normally when the reply is complete; throws a DrafterError when the
   * provider fails (the pipeline then falls back). Stops promptly when `signal` aborts.
   */
  draft(request: DraftRequest, signal: AbortSignal): AsyncIterable<DraftChunk>;
}

export type DrafterErrorCode = 'UPSTREAM_FAILED' | 'TIMEOUT' | 'CIRCUIT_OPEN' | 'BAD_RESPONSE' | 'ABORTED';

export class DrafterError extends Error {
  constructor(
    readonly code: DrafterErrorCode,
    message: string,
    /** True when some tokens had already streamed before the failure. */
    readonly partial = false,
  ) {
    super(message);
    this.name = 'DrafterError';
  }
}
