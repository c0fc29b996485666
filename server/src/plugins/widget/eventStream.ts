/**
 * Server-sent events over a hijacked reply: `id:` and `data:` lines per event, a comment every
 * 15 s so proxies keep the connection, and the end of the response when the events end (the
 * visitor left, the stream fell too far behind, the server drains). JSON holds no raw line
 * breaks, so one `data:` line per event is always enough. Events that come together (an answer's
 * tokens from one chunk of the model, the answer after them) leave in one socket write: the
 * socket is corked at the first and uncorked once the current tick's work is done.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';

const PING_MS = 15_000;

export async function sendEventStream<T>(
  req: FastifyRequest,
  reply: FastifyReply,
  headers: Record<string, string>,
  events: (signal: AbortSignal) => AsyncIterable<[string, T]>,
): Promise<void> {
  const gone = new AbortController();
  const raw = reply.raw;
  // The response's close, not the request's: a request closes once its (empty) body is read.
  raw.once('close', () => gone.abort());
  reply.hijack();
  raw.writeHead(200, {
    ...headers,
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
    'x-request-id': req.id,
  });
  let corked = false;
  const send = (text: string) => {
    if (!corked) {
      corked = true;
      raw.cork();
      process.nextTick(() => {
        corked = false;
        raw.uncork();
      });
    }
    raw.write(text);
  };
  send(': connected\n\n');
  const ping = setInterval(() => send(': ping\n\n'), PING_MS);
  ping.unref();
  try {
    for await (const [id, event] of events(gone.signal)) {
      if (gone.signal.aborted) break;
      send(`id: ${id}\ndata: ${JSON.stringify(event)}\n\n`);
    }
  } catch (error) {
    req.log.error({ err: error }, 'widget stream failed');
    if (!gone.signal.aborted)
      send(
        `data: ${JSON.stringify({ type: 'error', error: { code: 'INTERNAL_SERVER_ERROR', message: 'The stream failed; reconnect', requestId: req.id } })}\n\n`,
      );
  } finally {
    clearInterval(ping);
    raw.end();
  }
}
