/**
 * The widget's calls to the server's public routes (`/widget/v1/sites/:siteKey/…`, see
 * server/src/widget/README.md). Bodies go as `text/plain` JSON and no cookie is sent, so the
 * session call needs no CORS preflight; the visitor token rides in `Authorization`, never in a
 * URL. Every answer is read by the contract's guards; anything else is an ApiError.
 */
import type {
  WidgetConfig,
  WidgetConversation,
  WidgetHistory,
  WidgetIdentity,
  WidgetRating,
  WidgetSent,
  WidgetSession,
} from '@tandem/shared';
import { isTandemError, readConfig, readConversationReply, readHistory, readRating, readSent, readSession } from '../contract/guards.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    /** The shared error code, or `NETWORK` / `BAD_ANSWER` when there was none. */
    readonly code: string,
    message: string,
    /** Seconds to wait, from `Retry-After`. */
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

type Fetch = typeof fetch;

const TIMEOUT_MS = 20_000;

export interface WidgetApi {
  config(): Promise<WidgetConfig>;
  session(input: { visitorToken?: string | undefined; identity?: WidgetIdentity | undefined }): Promise<WidgetSession>;
  openConversation(token: string): Promise<WidgetConversation>;
  history(token: string, conversationId: string): Promise<WidgetHistory>;
  send(token: string, conversationId: string, input: { text: string; clientMessageId: string }): Promise<WidgetSent>;
  /** The question being typed, so the server can get ready for it (204; nothing is stored). */
  preview(token: string, text: string): Promise<void>;
  handoff(token: string, conversationId: string): Promise<WidgetConversation>;
  rate(token: string, conversationId: string, input: { score: number; comment?: string }): Promise<WidgetRating>;
  /** The event stream's response (its body is read by eventStream.ts). */
  events(token: string, lastEventId: string | undefined, signal: AbortSignal): Promise<Response>;
}

export function widgetApi(serverOrigin: string, siteKey: string, fetchImpl: Fetch = fetch.bind(globalThis)): WidgetApi {
  const base = `${serverOrigin}/widget/v1/sites/${encodeURIComponent(siteKey)}`;

  function init(method: string, token: string | undefined, body: unknown, signal?: AbortSignal): RequestInit {
    const headers: Record<string, string> = {};
    if (token !== undefined) headers['authorization'] = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'text/plain;charset=UTF-8';
    return {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      credentials: 'omit',
      cache: 'no-store',
      // The server checks the page's origin; a same-origin GET carries it only in Referer, which
      // some pages turn off. 'origin' sends the origin alone, never the page's path.
      referrerPolicy: 'origin',
      signal: signal ?? AbortSignal.timeout(TIMEOUT_MS),
    };
  }

  async function call<T>(method: string, path: string, token: string | undefined, body: unknown, read: (v: unknown) => T | undefined) {
    let res: Response;
    try {
      res = await fetchImpl(base + path, init(method, token, body));
    } catch {
      throw new ApiError(0, 'NETWORK', 'The server could not be reached');
    }
    const json: unknown = await res.json().catch(() => undefined);
    if (!res.ok) throw errorOf(res, json);
    const value = read(json);
    if (value === undefined) throw new ApiError(res.status, 'BAD_ANSWER', 'The server answered something the widget cannot read');
    return value;
  }

  const conversation = (v: unknown) => readConversationReply(v)?.conversation;
  const id = encodeURIComponent;

  return {
    config: () => call('GET', '/config', undefined, undefined, readConfig),
    session: (input) => call('POST', '/sessions', undefined, input, readSession),
    openConversation: (token) => call('POST', '/conversations', token, {}, conversation),
    history: (token, c) => call('GET', `/conversations/${id(c)}`, token, undefined, readHistory),
    send: (token, c, input) => call('POST', `/conversations/${id(c)}/messages`, token, input, readSent),
    async preview(token, text) {
      const res = await fetchImpl(`${base}/preview`, init('POST', token, { text }));
      if (!res.ok) throw errorOf(res, await res.json().catch(() => undefined));
    },
    handoff: (token, c) => call('POST', `/conversations/${id(c)}/handoff`, token, {}, conversation),
    rate: (token, c, input) => call('POST', `/conversations/${id(c)}/rating`, token, input, readRating),
    async events(token, lastEventId, signal) {
      const query = lastEventId === undefined ? '' : `?lastEventId=${encodeURIComponent(lastEventId)}`;
      const res = await fetchImpl(`${base}/events${query}`, {
        ...init('GET', token, undefined, signal),
        headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
      });
      if (!res.ok) throw errorOf(res, await res.json().catch(() => undefined));
      return res;
    },
  };
}

function errorOf(res: Response, body: unknown): ApiError {
  const retry = Number(res.headers.get('retry-after'));
  const retryAfter = Number.isFinite(retry) && retry > 0 ? retry : undefined;
  if (isTandemError(body)) return new ApiError(res.status, body.code, body.message, retryAfter);
  return new ApiError(res.status, 'BAD_ANSWER', `The server answered ${res.status}`, retryAfter);
}
