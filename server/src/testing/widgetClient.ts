/**
 * A test client of the widget's public routes, as the embeddable bundle uses them: every request
 * from a page origin (the `Origin` header), the visitor token as a bearer, and the event stream
 * read from a real HTTP response, keeping each event with its id.
 */
import { widgetEventSchema, type WidgetEvent, type WidgetSession } from '@tandem/shared';

export interface WidgetAnswer<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export interface StreamItem {
  id: string | undefined;
  event: WidgetEvent;
}

export interface OpenStream {
  readonly items: StreamItem[];
  /** Resolves with all items once `done` holds for them; rejects after `timeoutMs`. */
  waitFor(done: (items: readonly StreamItem[]) => boolean, timeoutMs?: number): Promise<StreamItem[]>;
  close(): void;
  /** The response's status and headers. */
  readonly opened: Promise<{ status: number; headers: Headers }>;
}

export class WidgetClient {
  constructor(
    readonly baseUrl: string,
    readonly siteKey: string,
    readonly origin: string | undefined,
  ) {}

  path(rest: string): string {
    return `${this.baseUrl}/widget/v1/sites/${this.siteKey}${rest}`;
  }

  async request<T = Record<string, unknown>>(
    method: string,
    rest: string,
    options: { body?: unknown; token?: string | undefined; headers?: Record<string, string> } = {},
  ): Promise<WidgetAnswer<T>> {
    const response = await fetch(this.path(rest), {
      method,
      headers: {
        ...(this.origin === undefined ? {} : { origin: this.origin }),
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(options.token === undefined ? {} : { authorization: `Bearer ${options.token}` }),
        ...options.headers,
      },
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
    const text = await response.text();
    return { status: response.status, body: (text === '' ? undefined : JSON.parse(text)) as T, headers: response.headers };
  }

  async session(input: Record<string, unknown> = {}): Promise<WidgetSession> {
    const answer = await this.request<WidgetSession>('POST', '/sessions', { body: input });
    if (answer.status !== 200) throw new Error(`session: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  }

  async conversation(token: string): Promise<string> {
    const answer = await this.request<{ conversation: { id: string } }>('POST', '/conversations', { token });
    if (answer.status >= 300) throw new Error(`conversation: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body.conversation.id;
  }

  send(token: string, conversationId: string, text: string, clientMessageId = `m_${Math.random().toString(36).slice(2, 12)}`) {
    return this.request('POST', `/conversations/${conversationId}/messages`, { token, body: { text, clientMessageId } });
  }

  /** Opens the event stream; items arrive in `items` as they come. */
  stream(token: string, options: { lastEventId?: string; headers?: Record<string, string> } = {}): OpenStream {
    const controller = new AbortController();
    const items: StreamItem[] = [];
    const waiters = new Set<() => void>();
    const wake = () => {
      for (const w of waiters) w();
    };
    let failure: unknown;
    const opened = fetch(this.path('/events'), {
      headers: {
        ...(this.origin === undefined ? {} : { origin: this.origin }),
        authorization: `Bearer ${token}`,
        ...(options.lastEventId === undefined ? {} : { 'last-event-id': options.lastEventId }),
        ...options.headers,
      },
      signal: controller.signal,
    });
    const reading = (async () => {
      const response = await opened;
      if (response.body === null) return;
      const decoder = new TextDecoder();
      let buffer = '';
      for await (const chunk of response.body) {
        buffer += decoder.decode(chunk as Uint8Array, { stream: true });
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let id: string | undefined;
          let data: string | undefined;
          for (const line of block.split('\n')) {
            if (line.startsWith('id: ')) id = line.slice(4);
            else if (line.startsWith('data: ')) data = line.slice(6);
          }
          if (data === undefined) continue;
          items.push({ id, event: widgetEventSchema.parse(JSON.parse(data)) });
          wake();
        }
      }
    })().catch((error: unknown) => {
      if (!controller.signal.aborted) failure = error;
      wake();
    });
    void reading;
    return {
      items,
      opened: opened.then((r) => ({ status: r.status, headers: r.headers })),
      waitFor(done, timeoutMs = 20_000) {
        return new Promise((resolve, reject) => {
          const check = () => {
            if (failure !== undefined) {
              waiters.delete(check);
              reject(failure instanceof Error ? failure : new Error(String(failure)));
            } else if (done(items)) {
              waiters.delete(check);
              clearTimeout(timer);
              resolve([...items]);
            }
          };
          const timer = setTimeout(() => {
            waiters.delete(check);
            reject(new Error(`timed out; saw ${JSON.stringify(items.map((i) => i.event.type))}`));
          }, timeoutMs);
          waiters.add(check);
          check();
        });
      },
      close: () => controller.abort(),
    };
  }
}

export const typesOf = (items: readonly StreamItem[]): string[] => items.map((i) => i.event.type);
export const has =
  (type: WidgetEvent['type'], count = 1) =>
  (items: readonly StreamItem[]) =>
    items.filter((i) => i.event.type === type).length >= count;
