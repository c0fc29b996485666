/**
 * The live-event webhook: `POST /webhooks/:tenantId/:sourceId`, where a tenant's systems (shop,
 * billing, site) post customer events, one or a batch `{ events: [...] }`. Each request is signed
 * with the source's secret (`Tandem-Signature`, see security/hmacSignature.ts) over the raw body,
 * checked before the body is parsed. A request is answered 200 only once its events are committed
 * (see liveEventLog.ts), so a sender that got a 200 may forget the events; anything else means
 * nothing was stored and the sender should fix or retry. Errors are Tandem's one error shape,
 * `{ code, message, requestId, issues }` (shared/src/errors.ts), with the documented statuses:
 * 400, 401 (also for an unknown workspace or source: existence is not disclosed), 413 (after the
 * body was read, so the sender sees it), 415, 422 (also for a string that can never be stored), and
 * 429/503 with Retry-After.
 */
import {
  codeForHttpStatus,
  httpStatusOf,
  invalidInputError,
  liveEventSchema,
  tandemError,
  type TandemError,
  type TandemErrorCode,
} from '@tandem/shared';
import { randomBytes } from 'node:crypto';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Logger } from '../logging/logger.js';
import { DEFAULT_TOLERANCE_SECONDS, SIGNATURE_HEADER, verifySignature } from '../security/hmacSignature.js';
import type { LiveSource, NewLiveEvent, StoredLiveEvent } from '../storage/liveEventsRepo.js';
import type { Store } from '../storage/store.js';
import { createLiveEventLog, type LiveEventLog, type LiveEventLogOptions } from '../live/liveEventLog.js';
import { refuseOversizedBodiesAfterReading } from './bodyLimit.js';
import { unstorableStringPaths } from './storableJson.js';

export interface LiveWebhookLimits {
  /** Largest request body; larger ones get 413. Default 256 KiB. */
  bodyLimitBytes: number;
  /** How much of a larger body is read (and dropped) so the sender sees the 413; beyond it the connection is cut. Default 32 MiB. */
  drainBytes: number;
  /** Most events in one batch request. Default 500. */
  maxBatchEvents: number;
  /** How far a signature's timestamp may be from now. Default 300 s. */
  toleranceSeconds: number;
  /** How long a source (and its secret) is reused from memory before it is read again. Default 5 s. */
  sourceCacheMs: number;
}

export interface LiveWebhookDeps {
  store: Pick<Store, 'live'>;
  log: Logger;
  limits?: Partial<LiveWebhookLimits>;
  /**
   * The writer to append through, shared with whoever else needs it. Without one, the plugin
   * creates its own from `writer` and `onAppended`, and drains it when the server closes.
   */
  eventLog?: LiveEventLog;
  /** Options for the writer the plugin creates (ignored with `eventLog`). */
  writer?: Pick<LiveEventLogOptions, 'maxQueuedEvents' | 'maxEventsPerCommit' | 'maxRequestsPerCommit' | 'retryAfterSeconds'>;
  /** After each commit, with the events it stored (ignored with `eventLog`: give it to that log). */
  onAppended?: (events: readonly StoredLiveEvent[]) => void | Promise<void>;
  /** The clock signatures are checked against (tests). */
  nowSeconds?: () => number;
}

export const LIVE_WEBHOOK_PATH = '/webhooks/:tenantId/:sourceId';

export const DEFAULT_LIVE_WEBHOOK_LIMITS: LiveWebhookLimits = {
  bodyLimitBytes: 256 * 1024,
  drainBytes: 32 * 1024 * 1024,
  maxBatchEvents: 500,
  toleranceSeconds: DEFAULT_TOLERANCE_SECONDS,
  sourceCacheMs: 5_000,
};

const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/);
const paramsSchema = z.object({ tenantId: idSchema, sourceId: idSchema });

const MAX_CACHED_SOURCES = 10_000;
/** Random per process: no signature can match it. */
const UNKNOWN_SOURCE_SECRET = randomBytes(32).toString('hex');

/** Mounts the webhook route in its own scope (its raw-body parser and error shape stay there). */
export async function registerLiveWebhooks(app: FastifyInstance, deps: LiveWebhookDeps): Promise<void> {
  const limits: LiveWebhookLimits = { ...DEFAULT_LIVE_WEBHOOK_LIMITS, ...deps.limits };
  const { log } = deps;
  const nowSeconds = deps.nowSeconds ?? (() => Math.floor(Date.now() / 1000));
  const ownLog = deps.eventLog === undefined;
  const eventLog =
    deps.eventLog ??
    createLiveEventLog({
      live: deps.store.live,
      log,
      ...deps.writer,
      ...(deps.onAppended === undefined ? {} : { onAppended: deps.onAppended }),
    });
  const batchSchema = z.object({ events: z.array(liveEventSchema).min(1).max(limits.maxBatchEvents) }).strict();
  const sources = sourceCache(deps.store.live, limits.sourceCacheMs);

  await app.register(async (scope) => {
    refuseOversizedBodiesAfterReading(scope, { limitBytes: limits.bodyLimitBytes, drainBytes: limits.drainBytes });
    // The signature covers the exact bytes sent, so the body is kept raw and parsed only once it is verified.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: limits.bodyLimitBytes }, (_req, body, done) =>
      done(null, body),
    );
    // Fastify's JSON parser, run by hand: it refuses `__proto__` / `constructor` keys.
    const parseJson = scope.getDefaultJsonParser('error', 'error');

    scope.setErrorHandler(async (error: FastifyError, req, reply) => {
      // Fastify's own refusals (too large, not JSON, a bad content length) in the same shape.
      const code = codeForHttpStatus(typeof error.statusCode === 'number' ? error.statusCode : 500);
      if (code === 'PAYLOAD_TOO_LARGE') return fail(req, reply, code, `The body is larger than ${limits.bodyLimitBytes} bytes`);
      if (code === 'UNSUPPORTED_MEDIA_TYPE') return fail(req, reply, code, 'Send the events as application/json');
      if (code !== 'INTERNAL_SERVER_ERROR') return fail(req, reply, code, error.message);
      req.log.error({ err: { message: error.message, code: error.code } }, 'live webhook failed');
      return fail(req, reply, code, 'The events could not be received; nothing was stored');
    });

    scope.post(LIVE_WEBHOOK_PATH, async (req: FastifyRequest, reply) => {
      const params = paramsSchema.safeParse(req.params);
      const source = params.success ? await sources.get(params.data.tenantId, params.data.sourceId) : undefined;
      const raw = req.body instanceof Buffer ? req.body : Buffer.alloc(0);
      const header = req.headers[SIGNATURE_HEADER.toLowerCase()];
      // An unknown workspace or source is checked against a secret nobody has, so it answers exactly
      // like a wrong signature: the caller is not authenticated yet and learns nothing about what exists.
      const check = verifySignature(source?.secret ?? UNKNOWN_SOURCE_SECRET, typeof header === 'string' ? header : undefined, raw, {
        toleranceSeconds: limits.toleranceSeconds,
        nowSeconds: nowSeconds(),
      });
      if (!check.ok || source === undefined) {
        const reason = check.ok ? 'unknown-source' : check.reason;
        log.info({ tenantId: source?.tenantId, sourceId: source?.id, reason }, 'live webhook signature refused');
        return !check.ok && check.reason === 'stale'
          ? fail(req, reply, 'UNAUTHORIZED', `The signature timestamp is more than ${limits.toleranceSeconds} s from now`)
          : fail(req, reply, 'UNAUTHORIZED', `A valid ${SIGNATURE_HEADER} header is required`);
      }
      let json: unknown;
      try {
        json = parseWith(parseJson, req, raw.toString('utf8'));
      } catch {
        return fail(req, reply, 'BAD_REQUEST', 'The body is not valid JSON');
      }
      const parsed = isBatch(json) ? batchSchema.safeParse(json) : liveEventSchema.safeParse(json);
      if (!parsed.success) {
        return send(
          reply,
          invalidInputError(parsed.error, {
            code: 'UNPROCESSABLE_CONTENT',
            message: 'The events are not valid; none was stored',
            requestId: req.id,
          }),
        );
      }
      const unstorable = unstorableStringPaths(json);
      if (unstorable.length > 0) {
        return send(
          reply,
          tandemError(
            'UNPROCESSABLE_CONTENT',
            'A string holds a NUL character or an invalid escape and can never be stored; none was stored',
            {
              requestId: req.id,
              issues: {
                formErrors: [],
                fieldErrors: Object.fromEntries(unstorable.map((at) => [at, ['contains a NUL character or an unpaired surrogate']])),
              },
            },
          ),
        );
      }
      const events = 'events' in parsed.data ? parsed.data.events : [parsed.data];
      const outcome = await eventLog
        .append(events.map((e): NewLiveEvent => ({ ...e, tenantId: source.tenantId, sourceId: source.id })))
        .catch(() => undefined);
      if (outcome === undefined) {
        return fail(req, reply.header('retry-after', '1'), 'UPSTREAM_UNAVAILABLE', 'The events could not be stored; retry');
      }
      if (outcome.status === 'overloaded') {
        const retryAfter = String(outcome.retryAfterSeconds);
        return fail(req, reply.header('retry-after', retryAfter), 'TOO_MANY_REQUESTS', 'Too many events waiting; retry later');
      }
      if (outcome.status === 'closed') {
        const retryAfter = String(outcome.retryAfterSeconds);
        return fail(req, reply.header('retry-after', retryAfter), 'UPSTREAM_UNAVAILABLE', 'The server is shutting down; retry');
      }
      return reply.code(200).send({ accepted: outcome.accepted, duplicates: outcome.duplicates });
    });
  });

  if (ownLog) app.addHook('onClose', () => eventLog.close());
}

function fail(req: FastifyRequest, reply: FastifyReply, code: TandemErrorCode, message: string): FastifyReply {
  return send(reply, tandemError(code, message, { requestId: req.id }));
}

/** The status always follows the code, so the two cannot disagree. */
function send(reply: FastifyReply, error: TandemError): FastifyReply {
  return reply.code(httpStatusOf(error.code)).send(error);
}

function isBatch(json: unknown): boolean {
  return typeof json === 'object' && json !== null && !Array.isArray(json) && 'events' in json;
}

/** Fastify's parsers report through a callback; this one calls it synchronously. */
function parseWith(parser: ReturnType<FastifyInstance['getDefaultJsonParser']>, req: FastifyRequest, text: string): unknown {
  let result: { error: Error | null; value: unknown } | undefined;
  const returned = parser(req, text, (error, value: unknown) => {
    result = { error, value };
  });
  if (returned instanceof Promise || result === undefined) throw new Error('the JSON parser did not answer synchronously');
  if (result.error !== null) throw result.error;
  return result.value;
}

/**
 * Sources by tenant and id, kept briefly in memory: every request needs its source's secret, and a
 * read per request would queue behind the writer's transactions. Unknown sources are not cached,
 * so a source is usable the moment it is created; a deleted or re-keyed one within `ttlMs`.
 */
function sourceCache(live: Store['live'], ttlMs: number) {
  const cache = new Map<string, { source: LiveSource; until: number }>();
  return {
    async get(tenantId: string, sourceId: string): Promise<LiveSource | undefined> {
      const key = `${tenantId}/${sourceId}`;
      const hit = cache.get(key);
      if (hit !== undefined && hit.until > Date.now()) return hit.source;
      const source = await live.getSource(tenantId, sourceId);
      if (source === undefined) {
        cache.delete(key);
        return undefined;
      }
      if (cache.size >= MAX_CACHED_SOURCES) cache.clear();
      cache.set(key, { source, until: Date.now() + ttlMs });
      return source;
    },
  };
}
