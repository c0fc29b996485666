/**
 * A simulated visitor's side of the widget's public routes for the load benchmark, as the bundle
 * uses them: requests from the page's origin with the visitor token as a bearer, and one event
 * stream read with a stream reader (events validated with the shared zod schema), so a wrong
 * event counts as an error rather than passing unseen.
 */
import { widgetEventSchema, type WidgetEvent } from '../../shared/src/index.js';

export interface SeenEvent {
  at: number;
  event: WidgetEvent;
}

export class LoadVisitor {
  readonly events: SeenEvent[] = [];
  private readonly controller = new AbortController();
  private wake: (() => void) | undefined;
  private failure: Error | undefined;
  token = '';

  constructor(
    private readonly baseUrl: string,
    private readonly siteKey: string,
    private readonly origin: string,
  ) {}

  private async call<T>(method: string, rest: string, body?: unknown): Promise<{ status: number; body: T }> {
    const response = await fetch(`${this.baseUrl}/widget/v1/sites/${this.siteKey}${rest}`, {
      method,
      headers: {
        origin: this.origin,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.token === '' ? {} : { authorization: `Bearer ${this.token}` }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: (text === '' ? undefined : JSON.parse(text)) as T };
  }

  /** A session and the visitor's conversation; throws on any refusal. */
  async start(): Promise<string> {
    const session = await this.call<{ visitorToken: string }>('POST', '/sessions', {});
    if (session.status !== 200) throw new Error(`session ${session.status}`);
    this.token = session.body.visitorToken;
    const created = await this.call<{ conversation: { id: string } }>('POST', '/conversations');
    if (created.status >= 300) throw new Error(`conversation ${created.status}`);
    return created.body.conversation.id;
  }

  async send(conversationId: string, text: string, clientMessageId: string): Promise<number> {
    return (await this.call('POST', `/conversations/${conversationId}/messages`, { text, clientMessageId })).status;
  }

  /** Opens the event stream and reads it in the background until `close`. */
  open(): void {
    void this.read().catch((error: unknown) => {
      if (!this.controller.signal.aborted) this.failure = error instanceof Error ? error : new Error(String(error));
      this.wake?.();
    });
  }

  private async read(): Promise<void> {
    const response = await fetch(`${this.baseUrl}/widget/v1/sites/${this.siteKey}/events`, {
      headers: { origin: this.origin, authorization: `Bearer ${this.token}` },
      signal: this.controller.signal,
    });
    if (response.status !== 200 || response.body === null) throw new Error(`stream ${response.status}`);
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error('stream ended');
      buffer += decoder.decode(value, { stream: true });
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        const data = buffer
          .slice(0, end)
          .split('\n')
          .find((line) => line.startsWith('data: '));
        buffer = buffer.slice(end + 2);
        if (data === undefined) continue;
        this.events.push({ at: performance.now(), event: widgetEventSchema.parse(JSON.parse(data.slice(6))) });
        this.wake?.();
      }
    }
  }

  /** Resolves once `done` holds for the events seen so far; rejects on a stream failure or after `timeoutMs`. */
  async waitFor(done: (events: readonly SeenEvent[]) => boolean, timeoutMs: number): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    while (!done(this.events)) {
      if (this.failure !== undefined) throw this.failure;
      const left = deadline - performance.now();
      if (left <= 0) throw new Error('timed out');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  close(): void {
    this.controller.abort();
  }
}
