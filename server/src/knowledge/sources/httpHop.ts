/**
 * One HTTP GET without following redirects, connected to the address the host guard validated.
 * node:http is used rather than the global fetch because its `lookup` hook is the one place a
 * connection's address can be pinned (Node's bundled undici cannot be imported here). The body is
 * streamed and decoded under a byte ceiling, so an endless or compressed-bomb body costs at most
 * `maxBytes` of memory.
 */
import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import https from 'node:https';
import { type Readable, type Transform, pipeline } from 'node:stream';
import zlib from 'node:zlib';
import { IngestError } from '../ingestError.js';
import { normalizeHostname } from '../../security/addressPolicy.js';
import { type ConnectTarget } from '../../security/hostGuard.js';
import { pinnedLookup } from '../../security/pinnedLookup.js';

export interface HopRequest {
  url: URL;
  target: ConnectTarget;
  headers: Record<string, string>;
  /** Aborts the hop; its reason is what the hop rejects with. */
  signal: AbortSignal;
  maxBytes: number;
}

export type HopResult =
  | { kind: 'redirect'; status: number; location: string | undefined }
  | { kind: 'response'; status: number; headers: IncomingHttpHeaders; bytes: Uint8Array };

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export function requestHop(hop: HopRequest): Promise<HopResult> {
  const { url, target, signal } = hop;
  return new Promise<HopResult>((resolve, reject) => {
    const transport = url.protocol === 'https:' ? https : http;
    const request = transport.request(
      {
        protocol: url.protocol,
        hostname: normalizeHostname(url.hostname),
        port: url.port || undefined,
        path: `${url.pathname}${url.search}`,
        method: 'GET',
        headers: hop.headers,
        // A pooled socket could have been opened by another caller to an unvalidated address.
        agent: false,
        signal,
        lookup: target ? pinnedLookup(target) : undefined,
      },
      (response) => void readResponse(response, hop).then(resolve, reject),
    );
    request.on('error', (error) => reject(signal.aborted ? signal.reason : networkError(url, error)));
    request.end();
  });
}

async function readResponse(response: IncomingMessage, hop: HopRequest): Promise<HopResult> {
  const status = response.statusCode ?? 0;
  if (REDIRECT_STATUSES.has(status)) {
    response.destroy();
    return { kind: 'redirect', status, location: response.headers.location };
  }
  if (status < 200 || status > 299) {
    response.destroy();
    const reason = response.statusMessage ? ` ${response.statusMessage}` : '';
    throw new IngestError('FETCH_FAILED', `${hop.url.href} answered HTTP ${status}${reason}.`);
  }
  const declared = Number(response.headers['content-length']);
  if (Number.isFinite(declared) && declared > hop.maxBytes) {
    response.destroy();
    throw tooLarge(hop, `declares ${declared} bytes, over`);
  }
  try {
    const bytes = await readBounded(decoded(response, hop.url), hop);
    return { kind: 'response', status, headers: response.headers, bytes };
  } catch (error) {
    if (error instanceof IngestError) throw error;
    if (hop.signal.aborted) throw hop.signal.reason;
    throw networkError(hop.url, error);
  } finally {
    response.destroy();
  }
}

async function readBounded(body: Readable, hop: HopRequest): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    total += chunk.length;
    // Stop reading the moment the ceiling is crossed: the rest may never end.
    if (total > hop.maxBytes) throw tooLarge(hop, 'is larger than');
    chunks.push(chunk);
  }
  const joined = Buffer.concat(chunks, total);
  return new Uint8Array(joined.buffer, joined.byteOffset, joined.byteLength);
}

/** The body with its Content-Encoding undone; the size ceiling then applies to the decoded bytes. */
function decoded(response: IncomingMessage, url: URL): Readable {
  const encodings = (response.headers['content-encoding'] ?? '')
    .split(',')
    .map((encoding) => encoding.trim().toLowerCase())
    .filter((encoding) => encoding && encoding !== 'identity');
  if (encodings.length === 0) return response;
  const decoders = encodings.reverse().map((encoding) => decoderFor(encoding, url));
  const last = decoders[decoders.length - 1] as Transform;
  // pipeline forwards errors and tears every stage down when the reader stops early.
  pipeline([response, ...decoders], () => undefined);
  return last;
}

function decoderFor(encoding: string, url: URL): Transform {
  if (encoding === 'gzip' || encoding === 'x-gzip') return zlib.createGunzip();
  if (encoding === 'deflate') return zlib.createInflate();
  if (encoding === 'br') return zlib.createBrotliDecompress();
  throw new IngestError('UNSUPPORTED_FORMAT', `${url.href} was sent with an unsupported content encoding (${encoding}).`);
}

function tooLarge(hop: HopRequest, detail: string): IngestError {
  return new IngestError('TOO_LARGE', `${hop.url.href} ${detail} the ${hop.maxBytes}-byte limit.`);
}

function networkError(url: URL, error: unknown): IngestError {
  const code = (error as { code?: unknown }).code;
  const reason = typeof code === 'string' ? code : error instanceof Error ? error.message : 'network error';
  return new IngestError('FETCH_FAILED', `Could not fetch ${url.href} (${reason}).`);
}
