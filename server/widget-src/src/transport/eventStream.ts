/**
 * Follows the visitor's event stream over `fetch` and keeps following it: when the connection
 * drops it reconnects after a growing pause (1 s doubling to 30 s, or the server's Retry-After,
 * at once when the browser comes back online) and sends the id of the last event it saw, so the
 * server replays exactly what was missed, provisional tokens of an answer in progress included.
 * EventSource would reconnect too, but it cannot send the token in a header, cannot tell a
 * revoked session (401, renew it) from a network blip, and gives up for good on any HTTP error.
 */
import { ApiError } from './api.js';
import { SseParser } from './sseParser.js';

export interface EventStreamOptions {
  open(lastEventId: string | undefined, signal: AbortSignal): Promise<Response>;
  /** One message's id (the last seen, as EventSource keeps it) and its parsed JSON. */
  onMessage(id: string | undefined, data: unknown): void;
  /** The token was refused: renew the session; resolve true to try again with the new one. */
  onUnauthorized(): Promise<boolean>;
  /** The stream cannot go on (a refused origin, an unknown site): it stops. */
  onFatal(error: ApiError): void;
  onConnected?(connected: boolean): void;
  lastEventId?: string | undefined;
  /** Pauses (tests make them instant). */
  sleep?(ms: number, signal: AbortSignal): Promise<void>;
}

const MIN_DELAY_MS = 1_000;
const MAX_DELAY_MS = 30_000;

function defaultSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      window.removeEventListener('online', done);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    window.addEventListener('online', done);
    signal.addEventListener('abort', done);
  });
}

export class EventStream {
  private readonly controller = new AbortController();
  private lastId: string | undefined;
  private running: Promise<void> | undefined;

  constructor(private readonly options: EventStreamOptions) {
    this.lastId = options.lastEventId;
  }

  get lastEventId(): string | undefined {
    return this.lastId;
  }

  start(): Promise<void> {
    this.running ??= this.loop();
    return this.running;
  }

  stop(): void {
    this.controller.abort();
  }

  private async loop(): Promise<void> {
    const signal = this.controller.signal;
    const sleep = this.options.sleep ?? defaultSleep;
    let delay = MIN_DELAY_MS;
    let renewed = false;
    while (!signal.aborted) {
      let wait = delay;
      try {
        const res = await this.options.open(this.lastId, signal);
        this.options.onConnected?.(true);
        renewed = false;
        if (await this.read(res, signal)) delay = MIN_DELAY_MS;
      } catch (error) {
        if (signal.aborted) break;
        if (error instanceof ApiError) {
          if (error.status === 401 && !renewed) {
            renewed = true;
            if (await this.options.onUnauthorized()) continue;
          }
          if (error.status === 401 || error.status === 403 || error.status === 404) {
            this.options.onFatal(error);
            break;
          }
          if (error.retryAfter !== undefined) wait = error.retryAfter * 1000;
        }
      }
      this.options.onConnected?.(false);
      if (signal.aborted) break;
      await sleep(wait, signal);
      delay = Math.min(delay * 2, MAX_DELAY_MS);
    }
  }

  /** Reads the body until it ends; whether anything came, a keep-alive ping too (the connection was healthy). */
  private async read(res: Response, signal: AbortSignal): Promise<boolean> {
    const body = res.body;
    if (body === null) return false;
    let received = false;
    const parser = new SseParser((message) => {
      if (message.id !== undefined) this.lastId = message.id;
      let data: unknown;
      try {
        data = JSON.parse(message.data);
      } catch {
        return;
      }
      this.options.onMessage(message.id, data);
    });
    const reader = body.pipeThrough(new TextDecoderStream()).getReader();
    const cancel = () => void reader.cancel().catch(() => undefined);
    signal.addEventListener('abort', cancel);
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        received = true;
        parser.push(value);
      }
    } finally {
      signal.removeEventListener('abort', cancel);
    }
    return received;
  }
}
