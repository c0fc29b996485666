/**
 * The API capability: tRPC at `/trpc`, every procedure behind a token, its context built from the
 * services the other capabilities offer. Internal errors are logged with the request's logger. A
 * body over the server's limit is read and dropped, then answered as a tRPC error with Tandem's
 * PAYLOAD_TOO_LARGE (the tRPC adapter never sees it), so clients get a typed error, not a cut
 * connection or a bare Fastify error.
 */
import { TRPC_ERROR_CODES_BY_KEY } from '@trpc/server/rpc';
import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from '@trpc/server/adapters/fastify';
import { tandemError } from '@tandem/shared';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ServiceError } from '../errors/serviceError.js';
import { refuseOversizedBodiesAfterReading } from '../http/bodyLimit.js';
import type { Logger } from '../logging/logger.js';
import { appRouter, type AppRouter } from '../trpc/appRouter.js';
import { contextFactory, type ApiServices } from '../trpc/context.js';
import type { Capability } from './capability.js';

const PREFIX = '/trpc';

export function apiPlugin(services: ApiServices, options: { log: Logger; bodyLimitBytes: number }): Capability {
  return {
    name: 'api',
    routes: async (scope) => {
      refuseOversizedBodiesAfterReading(scope, { limitBytes: options.bodyLimitBytes, drainBytes: options.bodyLimitBytes * 2 });
      scope.setErrorHandler(async (error: FastifyError, req, reply) => {
        if (error.statusCode !== 413) throw error;
        return tooLargeAnswer(req, reply, `The request is larger than this server accepts (${options.bodyLimitBytes} bytes)`);
      });
      await scope.register(fastifyTRPCPlugin, {
        prefix: PREFIX,
        trpcOptions: {
          router: appRouter,
          createContext: contextFactory(services),
          onError({ error, path, ctx }) {
            // A service's refusal thrown inside a stream arrives as an internal error; it is an answer, not a failure.
            if (error.code === 'INTERNAL_SERVER_ERROR' && !(error.cause instanceof ServiceError))
              (ctx?.log ?? options.log).error({ err: error, path }, 'procedure failed');
          },
        } satisfies FastifyTRPCPluginOptions<AppRouter>['trpcOptions'],
      });
    },
  };
}

/** The answer tRPC would give for each procedure of the call (one per path of a batch), carrying Tandem's error shape. */
function tooLargeAnswer(req: FastifyRequest, reply: FastifyReply, message: string): FastifyReply {
  const [pathPart = '', query = ''] = req.url.slice(PREFIX.length + 1).split('?', 2);
  const paths = decodeURIComponent(pathPart).split(',');
  const tandem = tandemError('PAYLOAD_TOO_LARGE', message, { requestId: req.id });
  const entry = (path: string) => ({
    error: { message, code: TRPC_ERROR_CODES_BY_KEY.PAYLOAD_TOO_LARGE, data: { code: 'PAYLOAD_TOO_LARGE', httpStatus: 413, path, tandem } },
  });
  const batched = new URLSearchParams(query).get('batch') === '1';
  return reply.code(413).send(batched ? paths.map(entry) : entry(paths[0] ?? ''));
}
