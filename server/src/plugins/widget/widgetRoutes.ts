/**
 * The widget's public routes under `/widget/v1/sites/:siteKey` (server/src/widget/README.md): the
 * site key and the request's origin are checked on every request (CORS headers follow only from
 * that check), client addresses, visitors and sites are rate-limited, bodies are small JSON
 * (also sent as text/plain, so a bundle can skip the preflight), and every refusal is the one
 * error shape. Conversation ids are looked up only among the visitor's own.
 */
import {
  tandemError,
  widgetConfigSchema,
  widgetConversationSchema,
  widgetHistorySchema,
  widgetPreviewInputSchema,
  widgetRatingInputSchema,
  widgetRatingSchema,
  widgetSendInputSchema,
  widgetSentSchema,
  widgetSessionInputSchema,
  widgetSessionSchema,
  widgetSiteKeySchema,
  WIDGET_LIMITS,
} from '@tandem/shared';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { refuseOversizedBodiesAfterReading } from '../../http/bodyLimit.js';
import { ServiceError } from '../../errors/serviceError.js';
import { requestOrigin } from '../../widget/requestOrigin.js';
import type { Visitor } from '../../widget/visitorSessions.js';
import type { WidgetService } from '../../widget/widgetService.js';
import type { ResolvedSite } from '../../widget/widgetSites.js';
import { sendEventStream } from './eventStream.js';
import { ALLOWED_HEADERS, ALLOWED_METHODS, bearer, corsHeaders, errorReply, sendError } from './widgetHttp.js';

export const WIDGET_PREFIX = '/widget/v1/sites/:siteKey';
/** A visitor's request body: a message of 2,000 characters (up to 4 bytes each in UTF-8, escaped in JSON) fits with room. */
export const WIDGET_BODY_LIMIT = 16 * 1024;

const siteParams = z.object({ siteKey: z.string() });
const conversationParams = siteParams.extend({ conversationId: z.string() });
const CONVERSATION_ID = /^[A-Za-z0-9_-]{1,100}$/;
const streamQuery = z.object({
  visitorToken: z.string().max(WIDGET_LIMITS.visitorTokenChars).optional(),
  lastEventId: z.string().max(300).optional(),
});

/** Routes opt out of the server-wide CORS plugin: the site's own list decides. */
const OWN_CORS = { config: { cors: false } } as const;

type Checked = Awaited<ReturnType<WidgetService['sites']['forRequest']>>;

export function widgetRoutes(widget: WidgetService) {
  /**
   * Rate limit by address, then the site key and the origin; the answer gets CORS headers only
   * past that check (a rate-limited request from an allowed origin too, so the page can read its
   * Retry-After).
   */
  async function checkSite(req: FastifyRequest, reply: FastifyReply): Promise<Checked> {
    const { siteKey } = siteParams.parse(req.params);
    const origin = requestOrigin(req.headers);
    const check = async (): Promise<Checked> => {
      if (!widgetSiteKeySchema.safeParse(siteKey).success) throw new ServiceError('UNAUTHORIZED', 'Unknown or disabled site key');
      const checked = await widget.sites.forRequest(siteKey, origin);
      reply.headers(corsHeaders(checked.origin));
      return checked;
    };
    try {
      widget.limits.request(req.ip);
    } catch (error) {
      await check().catch(() => undefined);
      throw error;
    }
    return check();
  }

  function visitorOf(req: FastifyRequest, site: ResolvedSite, token = bearer(req)): Visitor {
    return widget.sessions.authenticate(site, token);
  }

  function conversationIdOf(req: FastifyRequest): string {
    const { conversationId } = conversationParams.parse(req.params);
    if (!CONVERSATION_ID.test(conversationId)) throw new ServiceError('NOT_FOUND', 'No such conversation');
    return conversationId;
  }

  /** Wraps a handler so every refusal, thrown anywhere, is the one error shape. */
  const handle =
    (work: (req: FastifyRequest, reply: FastifyReply) => Promise<unknown>) =>
    async (req: FastifyRequest, reply: FastifyReply): Promise<unknown> => {
      try {
        return await work(req, reply);
      } catch (error) {
        return errorReply(req, reply, error);
      }
    };

  return async (scope: FastifyInstance): Promise<void> => {
    refuseOversizedBodiesAfterReading(scope, { limitBytes: WIDGET_BODY_LIMIT, drainBytes: 1024 * 1024 });
    const json = scope.getDefaultJsonParser('error', 'error');
    // JSON sent as text/plain is a "simple" request: the browser sends it without a preflight.
    scope.addContentTypeParser('text/plain', { parseAs: 'string', bodyLimit: WIDGET_BODY_LIMIT }, json);
    scope.setErrorHandler(async (error: FastifyError, req, reply) => {
      const status = typeof error.statusCode === 'number' ? error.statusCode : 500;
      if (status === 413)
        return sendError(
          reply,
          tandemError('PAYLOAD_TOO_LARGE', `The body is larger than ${WIDGET_BODY_LIMIT} bytes`, { requestId: req.id }),
        );
      if (status === 415) return sendError(reply, tandemError('UNSUPPORTED_MEDIA_TYPE', 'Send JSON', { requestId: req.id }));
      if (status >= 400 && status < 500)
        return sendError(reply, tandemError('BAD_REQUEST', 'The body is not valid JSON', { requestId: req.id }));
      return errorReply(req, reply, error);
    });

    // The preflight: answered for an origin the site allows, refused (without CORS headers) for any other.
    scope.options(`${WIDGET_PREFIX}/*`, OWN_CORS, async (req, reply) => {
      const { siteKey } = siteParams.parse(req.params);
      const origin = requestOrigin({ origin: req.headers.origin });
      const site = widgetSiteKeySchema.safeParse(siteKey).success ? await widget.sites.byKey(siteKey) : undefined;
      if (site === undefined || origin === undefined || !site.allowedOrigins.includes(origin)) return reply.code(403).send();
      return reply
        .code(204)
        .headers({
          ...corsHeaders(origin),
          'access-control-allow-methods': ALLOWED_METHODS,
          'access-control-allow-headers': ALLOWED_HEADERS,
          'access-control-max-age': '600',
        })
        .send();
    });

    scope.get(
      `${WIDGET_PREFIX}/config`,
      OWN_CORS,
      handle(async (req, reply) => {
        const { site } = await checkSite(req, reply);
        return widgetConfigSchema.parse({
          siteKey: site.siteKey,
          name: site.name,
          theme: site.theme,
          suggestedQuestions: site.suggestedQuestions,
          limits: { messageChars: WIDGET_LIMITS.messageChars },
        });
      }),
    );

    scope.post(
      `${WIDGET_PREFIX}/sessions`,
      OWN_CORS,
      handle(async (req, reply) => {
        const { site } = await checkSite(req, reply);
        widget.limits.session(req.ip);
        const input = widgetSessionInputSchema.parse(req.body ?? {});
        return widgetSessionSchema.parse(await widget.sessions.start(site, input));
      }),
    );

    scope.post(
      `${WIDGET_PREFIX}/conversations`,
      OWN_CORS,
      handle(async (req, reply) => {
        const { site } = await checkSite(req, reply);
        const { conversation, created } = await widget.conversations.open(visitorOf(req, site));
        return reply.code(created ? 201 : 200).send({ conversation: widgetConversationSchema.parse(conversation) });
      }),
    );

    scope.get(
      `${WIDGET_PREFIX}/conversations/:conversationId`,
      OWN_CORS,
      handle(async (req, reply) => {
        const { site } = await checkSite(req, reply);
        return widgetHistorySchema.parse(await widget.conversations.history(visitorOf(req, site), conversationIdOf(req)));
      }),
    );

    scope.post(
      `${WIDGET_PREFIX}/conversations/:conversationId/messages`,
      OWN_CORS,
      handle(async (req, reply) => {
        const { site } = await checkSite(req, reply);
        const visitor = visitorOf(req, site);
        const conversationId = conversationIdOf(req);
        const input = widgetSendInputSchema.parse(req.body);
        widget.limits.message(site.id, visitor.visitorId);
        const sent = await widget.conversations.send(site, visitor, conversationId, input, req.id);
        return reply.code(202).send(widgetSentSchema.parse(sent));
      }),
    );

    scope.post(
      `${WIDGET_PREFIX}/preview`,
      OWN_CORS,
      handle(async (req, reply) => {
        const { site } = await checkSite(req, reply);
        const visitor = visitorOf(req, site);
        const input = widgetPreviewInputSchema.parse(req.body);
        widget.limits.preview(site.id, visitor.visitorId);
        widget.conversations.preview(visitor, input);
        return reply.code(204).send();
      }),
    );

    scope.post(
      `${WIDGET_PREFIX}/conversations/:conversationId/handoff`,
      OWN_CORS,
      handle(async (req, reply) => {
        const { site } = await checkSite(req, reply);
        const conversation = await widget.conversations.requestHuman(visitorOf(req, site), conversationIdOf(req));
        return { conversation: widgetConversationSchema.parse(conversation) };
      }),
    );

    scope.post(
      `${WIDGET_PREFIX}/conversations/:conversationId/rating`,
      OWN_CORS,
      handle(async (req, reply) => {
        const { site } = await checkSite(req, reply);
        const visitor = visitorOf(req, site);
        const conversationId = conversationIdOf(req);
        const input = widgetRatingInputSchema.parse(req.body);
        return widgetRatingSchema.parse(await widget.conversations.rate(visitor, conversationId, input));
      }),
    );

    scope.get(
      `${WIDGET_PREFIX}/events`,
      OWN_CORS,
      handle(async (req, reply) => {
        const { site, origin } = await checkSite(req, reply);
        const query = streamQuery.parse(req.query);
        const visitor = visitorOf(req, site, bearer(req) ?? query.visitorToken);
        const header = req.headers['last-event-id'];
        const lastEventId = (typeof header === 'string' && header !== '' ? header : undefined) ?? query.lastEventId;
        await sendEventStream(req, reply, corsHeaders(origin), (signal) => widget.stream(visitor, lastEventId, signal));
        return reply;
      }),
    );
  };
}
