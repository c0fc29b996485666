/**
 * Calendly API v2 client: creates a single-use scheduling link for one configured event type,
 * authenticated with a personal access token or OAuth token as a Bearer. Calendly takes no
 * idempotency key; a repeated call only leaves an unused extra link, so nothing else guards it.
 */
import { z } from 'zod';
import { ConnectorError } from '../actions/actionDefinition.js';
import { callService, parseAnswer, type RetryPolicy } from './connectorHttp.js';

export interface CalendlyConfig {
  token: string;
  /** The event type that owns the links, as Calendly names it: `https://api.calendly.com/event_types/<uuid>`. */
  eventTypeUri: string;
  /** Origin to call instead of `https://api.calendly.com` (a proxy, or a local fake in tests). */
  baseUrl?: string;
  timeoutMs?: number;
  retry?: RetryPolicy;
}

export const CALENDLY_API = 'https://api.calendly.com';

const schedulingLinkSchema = z.object({
  resource: z.object({
    booking_url: z.url({ protocol: /^https?$/ }),
    owner: z.string(),
    owner_type: z.string(),
  }),
});

export interface CalendlySchedulingLink {
  bookingUrl: string;
  owner: string;
  ownerType: string;
}

export class CalendlyClient {
  readonly #config: CalendlyConfig;
  readonly #base: URL;

  constructor(config: CalendlyConfig) {
    if (config.token.trim() === '') throw new ConnectorError('NOT_CONFIGURED', 'Calendly token is empty');
    if (!URL.canParse(config.eventTypeUri)) {
      throw new ConnectorError('NOT_CONFIGURED', 'Calendly owner must be an event type URI (https://api.calendly.com/event_types/…)');
    }
    this.#config = config;
    this.#base = new URL(config.baseUrl ?? CALENDLY_API);
  }

  /** A link the invitee can book exactly one meeting with. */
  async createSchedulingLink(run: { signal?: AbortSignal }): Promise<CalendlySchedulingLink> {
    const answer = await callService(
      {
        service: 'Calendly',
        method: 'POST',
        url: new URL('/scheduling_links', this.#base),
        headers: { authorization: `Bearer ${this.#config.token}` },
        body: JSON.stringify({ max_event_count: 1, owner: this.#config.eventTypeUri, owner_type: 'EventType' }),
        signal: run.signal,
        timeoutMs: this.#config.timeoutMs ?? 15_000,
        retryable: false,
        secrets: [this.#config.token],
        describeError: describeCalendlyError,
      },
      this.#config.retry,
    );
    const { resource } = parseAnswer('Calendly', 'a scheduling link', schedulingLinkSchema, answer.body);
    return { bookingUrl: resource.booking_url, owner: resource.owner, ownerType: resource.owner_type };
  }
}

/** `{"title": "Invalid Argument", "message": "...", "details": [{"parameter": "owner", "message": "..."}]}` */
export function describeCalendlyError(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { title, message, details } = body as Record<string, unknown>;
  const parts = [title, message].filter((p): p is string => typeof p === 'string');
  if (Array.isArray(details)) {
    for (const detail of details as unknown[]) {
      if (typeof detail !== 'object' || detail === null) continue;
      const { parameter, message: why } = detail as Record<string, unknown>;
      if (typeof why === 'string') parts.push(typeof parameter === 'string' ? `${parameter}: ${why}` : why);
    }
  }
  return parts.length === 0 ? undefined : parts.join(' — ');
}
