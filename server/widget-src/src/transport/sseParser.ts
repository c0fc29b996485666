/**
 * Reads a `text/event-stream` body as it arrives (the WHATWG rules the widget needs: `id:` and
 * `data:` fields, comments, blank-line dispatch, any line ending), so the bundle can follow the
 * stream with `fetch` and decide itself how to reconnect (see eventStream.ts).
 */
export interface SseMessage {
  /** The last `id:` seen so far in the stream (ids persist across messages, as in EventSource). */
  id: string | undefined;
  data: string;
}

export class SseParser {
  private buffer = '';
  private data: string[] = [];
  private lastId: string | undefined;
  /** A `\r` ended the previous chunk: a `\n` starting the next one belongs to it. */
  private pendingCr = false;

  constructor(private readonly onMessage: (message: SseMessage) => void) {}

  push(chunk: string): void {
    let text = chunk;
    if (this.pendingCr && text.startsWith('\n')) text = text.slice(1);
    this.pendingCr = text.endsWith('\r');
    this.buffer += text;
    const lines = this.buffer.split(/\r\n|\r|\n/);
    this.buffer = lines.pop() ?? '';
    for (const line of lines) this.line(line);
  }

  private line(line: string): void {
    if (line === '') {
      if (this.data.length > 0) this.onMessage({ id: this.lastId, data: this.data.join('\n') });
      this.data = [];
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') this.data.push(value);
    // An id with a NUL is ignored, as EventSource does.
    else if (field === 'id' && !value.includes('\0')) this.lastId = value;
  }
}
