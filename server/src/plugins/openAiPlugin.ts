/**
 * The OpenAI-compatible API at `/v1`, so OpenAI clients can use Tandem's autonomous answers:
 * `GET /v1/models`, `GET /v1/models/:id` and `POST /v1/chat/completions` (streamed or not),
 * authorised by a Tandem API token of the workspace (any role). Answers are the widget's
 * autonomous answers from the knowledge base, with citations, confidence and the handoff the
 * widget would make in the extra `tandem` field. Errors are OpenAI's shape, as its clients expect.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { TeamService } from '../auth/teamService.js';
import { refuseOversizedBodiesAfterReading } from '../http/bodyLimit.js';
import type { AutonomousOutcome } from '../widget/autonomousAnswer.js';
import type { WidgetService } from '../widget/widgetService.js';
import type { Capability } from './capability.js';
import { chatTicket } from './openAi/chatTicket.js';
import {
  chatCompletionRequestSchema,
  modelObject,
  openAiError,
  TANDEM_MODEL,
  type OpenAiErrorType,
  type OpenAiUsage,
  type TandemExtra,
} from './openAi/openAiShapes.js';
import { bearer } from './widget/widgetHttp.js';

const BODY_LIMIT = 1024 * 1024;

export interface OpenAiPluginDeps {
  team: Pick<TeamService, 'principalForToken'>;
  widget: Pick<WidgetService, 'answerForApi'>;
}

function fail(
  reply: FastifyReply,
  status: number,
  message: string,
  type: OpenAiErrorType,
  code: string | null,
  param: string | null = null,
) {
  return reply.code(status).send(openAiError(message, type, code, param));
}

function extraOf(outcome: AutonomousOutcome): TandemExtra {
  const answer = outcome.answer;
  return {
    citations: (answer?.citations ?? []).map(({ n, title, url, documentId }) => ({
      n,
      title,
      ...(url === undefined ? {} : { url }),
      documentId,
    })),
    confidence: answer?.confidence ?? 0,
    ...(outcome.handoff === undefined ? {} : { handoff: outcome.handoff }),
  };
}

function usageOf(outcome: AutonomousOutcome): OpenAiUsage {
  const usage = outcome.answer?.usage;
  const prompt = usage?.promptTokens ?? 0;
  const completion = usage?.completionTokens ?? 0;
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
}

export function openAiPlugin(deps: OpenAiPluginDeps): Capability {
  /** The workspace each authorised request's token belongs to (set by the auth hook). */
  const tenants = new WeakMap<FastifyRequest, string>();
  return {
    name: 'openai',
    routes: async (scope) => {
      refuseOversizedBodiesAfterReading(scope, { limitBytes: BODY_LIMIT, drainBytes: BODY_LIMIT * 4 });
      scope.setErrorHandler(async (error: FastifyError, req, reply) => {
        const status = typeof error.statusCode === 'number' ? error.statusCode : 500;
        if (status === 413)
          return fail(reply, 413, `The request is larger than ${BODY_LIMIT} bytes`, 'invalid_request_error', 'request_too_large');
        if (status >= 400 && status < 500) return fail(reply, 400, 'The body is not valid JSON', 'invalid_request_error', 'invalid_json');
        req.log.error({ err: error }, '/v1 request failed');
        return fail(reply, 500, 'The server had an error while processing your request', 'server_error', null);
      });
      // Every route needs a workspace token; a missing or wrong one is OpenAI's 401.
      scope.addHook('preHandler', async (req: FastifyRequest, reply) => {
        const token = bearer(req);
        const principal = token === undefined ? undefined : await deps.team.principalForToken(token);
        if (principal === undefined)
          return fail(
            reply,
            401,
            'Incorrect API key provided: use a Tandem API token of the workspace',
            'invalid_request_error',
            'invalid_api_key',
          );
        tenants.set(req, principal.tenantId);
        return undefined;
      });

      scope.get('/v1/models', async () => ({ object: 'list', data: [modelObject()] }));
      scope.get('/v1/models/:model', async (req, reply) => {
        const { model } = req.params as { model: string };
        if (model !== TANDEM_MODEL)
          return fail(reply, 404, `The model '${model}' does not exist`, 'invalid_request_error', 'model_not_found', 'model');
        return modelObject();
      });

      scope.post('/v1/chat/completions', async (req, reply) => {
        const parsed = chatCompletionRequestSchema.safeParse(req.body);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          return fail(
            reply,
            400,
            `Invalid request: ${issue?.message ?? 'bad input'}`,
            'invalid_request_error',
            null,
            issue?.path.join('.') ?? null,
          );
        }
        const request = parsed.data;
        if (request.model !== TANDEM_MODEL)
          return fail(
            reply,
            404,
            `The model '${request.model}' does not exist; use '${TANDEM_MODEL}'`,
            'invalid_request_error',
            'model_not_found',
            'model',
          );
        const id = `chatcmpl-${randomUUID()}`;
        const ticket = chatTicket(id, request.messages);
        if (ticket === undefined)
          return fail(reply, 400, 'The messages hold no user message to answer', 'invalid_request_error', null, 'messages');
        const tenantId = tenants.get(req) ?? '';
        const created = Math.floor(Date.now() / 1000);
        const gone = new AbortController();
        // The response's close (the client left), not the request's (its body was read).
        reply.raw.once('close', () => {
          if (!reply.raw.writableFinished) gone.abort();
        });
        const events = deps.widget.answerForApi(tenantId, ticket, req.id, gone.signal);

        if (request.stream !== true) {
          let step = await events.next();
          while (step.done !== true) step = await events.next();
          const outcome = step.value;
          if (outcome?.answer === undefined)
            return fail(reply, 503, 'No answer could be written; try again', 'server_error', 'unavailable');
          return {
            id,
            object: 'chat.completion',
            created,
            model: TANDEM_MODEL,
            choices: [
              {
                index: 0,
                message: { role: 'assistant', content: outcome.answer.text, refusal: null },
                finish_reason: 'stop',
                logprobs: null,
              },
            ],
            usage: usageOf(outcome),
            tandem: extraOf(outcome),
          };
        }

        const chunk = (delta: Record<string, unknown>, finish: string | null, extra: Record<string, unknown> = {}) =>
          `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model: TANDEM_MODEL, choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }], ...extra })}\n\n`;
        reply.hijack();
        const raw = reply.raw;
        raw.writeHead(200, {
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-cache, no-transform',
          connection: 'keep-alive',
          'x-request-id': req.id,
        });
        raw.write(chunk({ role: 'assistant', content: '' }, null));
        try {
          let wrote = false;
          for (;;) {
            const step = await events.next();
            if (step.done === true) {
              const outcome = step.value;
              if (outcome?.answer === undefined) {
                if (!gone.signal.aborted)
                  raw.write(
                    `data: ${JSON.stringify(openAiError('No answer could be written; try again', 'server_error', 'unavailable'))}\n\n`,
                  );
              } else {
                raw.write(chunk({}, 'stop', { usage: usageOf(outcome), tandem: extraOf(outcome) }));
                raw.write('data: [DONE]\n\n');
              }
              break;
            }
            const progress = step.value;
            if (progress.type === 'token') {
              wrote = true;
              raw.write(chunk({ content: progress.text }, null));
            } else if (progress.type === 'restart' && wrote) {
              // Text already sent cannot be taken back in this format: end with an error rather than mix two answers.
              await events.return(undefined);
              gone.abort();
              raw.write(
                `data: ${JSON.stringify(openAiError('The language model failed mid-answer; retry', 'server_error', 'upstream_failed'))}\n\n`,
              );
              break;
            }
          }
        } catch (error) {
          req.log.error({ err: error }, '/v1 stream failed');
          raw.write(
            `data: ${JSON.stringify(openAiError('The server had an error while processing your request', 'server_error', null))}\n\n`,
          );
        } finally {
          raw.end();
        }
        return reply;
      });
    },
  };
}
