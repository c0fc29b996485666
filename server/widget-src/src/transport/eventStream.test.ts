// @vitest-environment jsdom
// The reconnecting stream: after a drop it reopens with the last event id it saw; a refused token
// is renewed once; a refused origin or unknown conversation stops it.
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from './api.js';
import { EventStream } from './eventStream.js';

function sseResponse(text: string): Response {
  return new Response(text, { headers: { 'content-type': 'text/event-stream' } });
}

const item = (id: string, text: string) => `id: ${id}\ndata: ${JSON.stringify({ type: 'token', conversationId: 'c1', text })}\n\n`;

describe('EventStream', () => {
  it('resumes after a drop from the last event id seen', async () => {
    const asked: (string | undefined)[] = [];
    const got: string[] = [];
    const bodies = [item('c1.1.0', 'a') + item('c1.1.1', 'b'), item('c1.1.2', 'c')];
    const stream: EventStream = new EventStream({
      lastEventId: 'c1.0',
      open: async (lastEventId) => {
        asked.push(lastEventId);
        const body = bodies.shift();
        if (body === undefined) {
          stream.stop();
          throw new Error('stopped');
        }
        return sseResponse(body);
      },
      onMessage: (id, data) => got.push(`${id}:${(data as { text: string }).text}`),
      onUnauthorized: async () => false,
      onFatal: () => undefined,
      sleep: async () => undefined,
    });
    await stream.start();
    expect(asked).toEqual(['c1.0', 'c1.1.1', 'c1.1.2']);
    expect(got).toEqual(['c1.1.0:a', 'c1.1.1:b', 'c1.1.2:c']);
  });

  it('renews a refused session once, then stops on a second refusal', async () => {
    const onUnauthorized = vi.fn(async () => true);
    const onFatal = vi.fn();
    const stream = new EventStream({
      open: async () => {
        throw new ApiError(401, 'UNAUTHORIZED', 'expired');
      },
      onMessage: () => undefined,
      onUnauthorized,
      onFatal,
      sleep: async () => undefined,
    });
    await stream.start();
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    expect(onFatal).toHaveBeenCalledWith(expect.objectContaining({ status: 401 }));
  });

  it('waits as long as Retry-After says, and stops on a refused origin', async () => {
    const waits: number[] = [];
    const errors = [new ApiError(429, 'TOO_MANY_REQUESTS', 'slow', 7), new ApiError(403, 'FORBIDDEN', 'origin')];
    const onFatal = vi.fn();
    const stream = new EventStream({
      open: async () => {
        throw errors.shift();
      },
      onMessage: () => undefined,
      onUnauthorized: async () => false,
      onFatal,
      sleep: async (ms) => void waits.push(ms),
    });
    await stream.start();
    expect(waits).toEqual([7000]);
    expect(onFatal).toHaveBeenCalledWith(expect.objectContaining({ code: 'FORBIDDEN' }));
  });

  it('backs off, doubling up to 30 s, while the server cannot be reached', async () => {
    const waits: number[] = [];
    let opens = 0;
    const stream: EventStream = new EventStream({
      open: async () => {
        if (++opens > 7) stream.stop();
        throw new TypeError('Failed to fetch');
      },
      onMessage: () => undefined,
      onUnauthorized: async () => false,
      onFatal: () => undefined,
      sleep: async (ms) => void waits.push(ms),
    });
    await stream.start();
    expect(waits).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
  });
});
