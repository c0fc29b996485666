/**
 * The part of OpenAI's chat-completions wire format Tandem speaks at `/v1`: the request (zod;
 * fields Tandem does not use are accepted and ignored, as OpenAI-compatible servers do), the
 * completion, the stream's chunks, the model list and OpenAI's error shape. Answers carry
 * Tandem's own `tandem` field: citations, confidence, and the handoff the widget would make.
 */
import type { WidgetHandoffReason } from '@tandem/shared';
import { z } from 'zod';

/** The one model: autonomous answers from the workspace's knowledge base. */
export const TANDEM_MODEL = 'tandem-autonomous';
/** The model's creation time as OpenAI lists it (Tandem's first release). */
export const MODEL_CREATED = 1_735_689_600;

const contentPartSchema = z.looseObject({ type: z.string(), text: z.string().optional() });

export const chatMessageSchema = z.looseObject({
  role: z.enum(['system', 'developer', 'user', 'assistant', 'tool', 'function']),
  content: z.union([z.string(), z.array(contentPartSchema), z.null()]).optional(),
});
export type ChatMessage = z.infer<typeof chatMessageSchema>;

export const chatCompletionRequestSchema = z.looseObject({
  model: z.string().min(1).max(200),
  messages: z.array(chatMessageSchema).min(1).max(500),
  stream: z.boolean().nullish(),
  /** Only one choice is ever written. */
  n: z.literal(1).nullish(),
});
export type ChatCompletionRequest = z.infer<typeof chatCompletionRequestSchema>;

export interface TandemExtra {
  citations: { n: number; title: string; url?: string; documentId: string }[];
  confidence: number;
  handoff?: WidgetHandoffReason;
}

export interface OpenAiUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

export type OpenAiErrorType = 'invalid_request_error' | 'authentication_error' | 'rate_limit_error' | 'server_error';

/** OpenAI's error body: `{ error: { message, type, param, code } }`. */
export function openAiError(message: string, type: OpenAiErrorType, code: string | null, param: string | null = null) {
  return { error: { message, type, param, code } };
}

export function modelObject() {
  return { id: TANDEM_MODEL, object: 'model', created: MODEL_CREATED, owned_by: 'tandem' };
}
