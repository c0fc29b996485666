/**
 * Zendesk Support API client: creates tickets and adds internal notes, with API-token basic auth
 * (`{email}/token:{token}`). Ticket creation sends Tandem's key as `Idempotency-Key`, which Zendesk
 * honours, so a retried create returns the first ticket. Zendesk takes no key on updates, so a note
 * is sent once and never retried here.
 */
import { z } from 'zod';
import { ConnectorError } from '../actions/actionDefinition.js';
import { callService, parseAnswer, type HttpMethod, type RetryPolicy } from './connectorHttp.js';

export interface ZendeskConfig {
  /** `acme` for acme.zendesk.com; or give `baseUrl`. */
  subdomain?: string;
  /** Origin to call instead of `https://<subdomain>.zendesk.com` (a proxy, or a local fake in tests). */
  baseUrl?: string;
  /** The agent the API token belongs to. */
  email: string;
  apiToken: string;
  timeoutMs?: number;
  retry?: RetryPolicy;
}

const ticketSchema = z.object({
  id: z.number().int(),
  url: z.string(),
  subject: z.string().nullish(),
  status: z.string(),
  priority: z.string().nullish(),
  requester_id: z.number().int().nullish(),
  tags: z.array(z.string()).default([]),
  created_at: z.string(),
  updated_at: z.string(),
});
const ticketAnswerSchema = z.object({ ticket: ticketSchema });

export type ZendeskTicket = z.infer<typeof ticketSchema>;
export type ZendeskPriority = 'low' | 'normal' | 'high' | 'urgent';

export interface ZendeskCreateTicketInput {
  subject: string;
  /** The first comment, which Zendesk shows as the ticket's description. */
  body: string;
  requester?: { email: string; name?: string };
  priority?: ZendeskPriority;
  tags?: readonly string[];
  /** A public first comment emails the requester; a private one does not. */
  publicComment: boolean;
}

export class ZendeskClient {
  readonly #config: ZendeskConfig;
  readonly #base: URL;
  readonly #authorization: string;

  constructor(config: ZendeskConfig) {
    if (config.baseUrl === undefined && (config.subdomain === undefined || !/^[a-z0-9][a-z0-9-]*$/i.test(config.subdomain))) {
      throw new ConnectorError('NOT_CONFIGURED', 'Zendesk needs a subdomain (acme for acme.zendesk.com) or a base URL');
    }
    if (config.email.trim() === '' || config.apiToken.trim() === '') {
      throw new ConnectorError('NOT_CONFIGURED', 'Zendesk needs the agent email and an API token');
    }
    this.#config = config;
    this.#base = new URL(config.baseUrl ?? `https://${config.subdomain ?? ''}.zendesk.com`);
    this.#authorization = `Basic ${Buffer.from(`${config.email}/token:${config.apiToken}`).toString('base64')}`;
  }

  /** `agentUrl` is where an agent opens the ticket, unlike `ticket.url` which is its API address. */
  async createTicket(
    input: ZendeskCreateTicketInput,
    run: { idempotencyKey: string; signal?: AbortSignal },
  ): Promise<{ ticket: ZendeskTicket; agentUrl: string; replayed: boolean }> {
    const payload = {
      ticket: {
        subject: input.subject,
        comment: { body: input.body, public: input.publicComment },
        ...(input.requester === undefined ? {} : { requester: { email: input.requester.email, name: input.requester.name } }),
        ...(input.priority === undefined ? {} : { priority: input.priority }),
        ...(input.tags === undefined || input.tags.length === 0 ? {} : { tags: [...input.tags] }),
      },
    };
    const answer = await this.#call('POST', '/api/v2/tickets.json', payload, run.signal, {
      'idempotency-key': run.idempotencyKey,
    });
    const ticket = parseAnswer('Zendesk', 'a created ticket', ticketAnswerSchema, answer.body).ticket;
    return { ticket, agentUrl: this.agentUrl(ticket.id), replayed: answer.headers.get('x-idempotency-lookup') === 'hit' };
  }

  async addInternalNote(ticketId: number, body: string, run: { signal?: AbortSignal }): Promise<ZendeskTicket> {
    const answer = await this.#call(
      'PUT',
      `/api/v2/tickets/${ticketId}.json`,
      { ticket: { comment: { body, public: false } } },
      run.signal,
    );
    return parseAnswer('Zendesk', 'an updated ticket', ticketAnswerSchema, answer.body).ticket;
  }

  agentUrl(ticketId: number): string {
    return new URL(`/agent/tickets/${ticketId}`, this.#base).href;
  }

  async #call(
    method: HttpMethod,
    path: string,
    json: unknown,
    signal: AbortSignal | undefined,
    headers: Record<string, string> = {},
  ): Promise<{ body: unknown; headers: Headers }> {
    const answer = await callService(
      {
        service: 'Zendesk',
        method,
        url: new URL(path, this.#base),
        headers: { authorization: this.#authorization, ...headers },
        body: JSON.stringify(json),
        signal,
        timeoutMs: this.#config.timeoutMs ?? 15_000,
        // Only a create carrying an Idempotency-Key can be repeated without a second effect.
        retryable: method === 'GET' || 'idempotency-key' in headers,
        secrets: [this.#config.apiToken, this.#authorization.slice('Basic '.length)],
        describeError: describeZendeskError,
      },
      this.#config.retry,
    );
    return { body: answer.body, headers: answer.headers };
  }
}

/** `{"error": "RecordInvalid", "description": "...", "details": {field: [{description}]}}`, or `{"error": "Couldn't authenticate you"}`. */
export function describeZendeskError(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const record = body as Record<string, unknown>;
  const parts: string[] = [];
  const error = record.error;
  if (typeof error === 'string') parts.push(error);
  else if (typeof error === 'object' && error !== null) {
    const { title, message } = error as Record<string, unknown>;
    if (typeof title === 'string') parts.push(title);
    if (typeof message === 'string') parts.push(message);
  }
  if (typeof record.description === 'string') parts.push(record.description);
  if (typeof record.details === 'object' && record.details !== null) {
    for (const [key, value] of Object.entries(record.details)) {
      const descriptions = Array.isArray(value)
        ? value.map((v: unknown) => (typeof v === 'object' && v !== null && 'description' in v ? String(v.description) : String(v)))
        : [String(value)];
      parts.push(`${key}: ${descriptions.join(', ')}`);
    }
  }
  return parts.length === 0 ? undefined : parts.join(' — ');
}
