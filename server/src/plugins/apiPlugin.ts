/**
 * The API capability: tRPC at `/trpc`, every procedure behind a token, its context built from the
 * services the other capabilities offer. Internal errors are logged with the request's logger.
 */
import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from '@trpc/server/adapters/fastify';
import { ServiceError } from '../errors/serviceError.js';
import type { Logger } from '../logging/logger.js';
import { appRouter, type AppRouter } from '../trpc/appRouter.js';
import { contextFactory, type ApiServices } from '../trpc/context.js';
import type { Capability } from './capability.js';

export function apiPlugin(services: ApiServices, log: Logger): Capability {
  return {
    name: 'api',
    routes: async (scope) => {
      await scope.register(fastifyTRPCPlugin, {
        prefix: '/trpc',
        trpcOptions: {
          router: appRouter,
          createContext: contextFactory(services),
          onError({ error, path, ctx }) {
            // A service's refusal thrown inside a stream arrives as an internal error; it is an answer, not a failure.
            if (error.code === 'INTERNAL_SERVER_ERROR' && !(error.cause instanceof ServiceError))
              (ctx?.log ?? log).error({ err: error, path }, 'procedure failed');
          },
        } satisfies FastifyTRPCPluginOptions<AppRouter>['trpcOptions'],
      });
    },
  };
}
