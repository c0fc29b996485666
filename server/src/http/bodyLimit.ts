/**
 * Oversized request bodies answered with a status the client can read. Fastify refuses a body over
 * its limit while the client is still sending, so an ordinary client sees a broken pipe, not a
 * 413. Here the rest of an oversized body is read and thrown away (up to `drainBytes`, never
 * kept in memory) and only then is the request refused with a 413. Beyond that bound the
 * connection is cut: draining without end would let one client tie the server up.
 */
import { Transform, type Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';

export interface BodyLimitOptions {
  /** The largest body accepted. */
  limitBytes: number;
  /** How much of a larger body is read and discarded before answering 413. */
  drainBytes: number;
}

/** Fastify's own error code, so every error handler that knows Fastify's 413 knows this one. */
export class BodyTooLargeError extends Error {
  readonly statusCode = 413;
  readonly code = 'FST_ERR_CTP_BODY_TOO_LARGE';
  constructor(limitBytes: number) {
    super(`The body is larger than ${limitBytes} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

/** Adds the hook to `scope`: bodies over the limit are drained, then refused with BodyTooLargeError. */
export function refuseOversizedBodiesAfterReading(scope: FastifyInstance, options: BodyLimitOptions): void {
  scope.addHook('preParsing', async (req, _reply, payload) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared)) {
      if (declared <= options.limitBytes) return payload;
      await drain(payload, options.drainBytes);
      throw new BodyTooLargeError(options.limitBytes);
    }
    // No declared length (a chunked body): count as it arrives.
    return payload.pipe(countingLimit(payload, options));
  });
}

/** Reads and discards `stream` to its end, or until `maxBytes` were read (then stops waiting). */
function drain(stream: Readable, maxBytes: number): Promise<void> {
  return new Promise((resolve) => {
    let read = 0;
    const done = () => {
      stream.off('data', onData);
      stream.off('end', done);
      stream.off('error', done);
      resolve();
    };
    const onData = (chunk: Buffer | string) => {
      read += chunk.length;
      if (read > maxBytes) done();
    };
    stream.on('data', onData);
    stream.once('end', done);
    stream.once('error', done);
    stream.resume();
  });
}

/** Passes a chunked body through until it crosses the limit; past it, swallows up to the drain bound and ends in BodyTooLargeError. */
function countingLimit(source: Readable, options: BodyLimitOptions): Transform {
  let total = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      total += chunk.length;
      if (total <= options.limitBytes) return callback(null, chunk);
      if (total > options.limitBytes + options.drainBytes) {
        source.destroy();
        return callback(new BodyTooLargeError(options.limitBytes));
      }
      callback();
    },
    flush(callback) {
      callback(total > options.limitBytes ? new BodyTooLargeError(options.limitBytes) : null);
    },
  });
}
