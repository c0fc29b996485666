/**
 * Per-request tRPC context: the request id, a child logger carrying it, the store, and the
 * principal behind the bearer token (or none). Its type is inferred, never written by hand.
 */
import type { CreateFastifyContextOptions } from '@trpc/server/adapters/fastify';
import type { ServerConfig } from '../config/env.js';
import { bearerToken, hashApiToken } from '../security/apiTokens.js';
import type { AssistEngine } from '../assist/assistEngine.js';
import type { LiveContext } from '../live/liveContext.js';
import type { KnowledgeEngine } from '../knowledge/knowledgeEngine.js';
import type { Logger } from '../logging/logger.js';
import type { Store } from '../storage/store.js';

export interface ServerDeps {
  config: ServerConfig;
  store: Store;
  knowledge: KnowledgeEngine;
  assist: AssistEngine;
  live: LiveContext;
  logger: Logger;
  version: string;
  startedAt: number;
}

export function contextFactory(deps: ServerDeps) {
  return async ({ req }: CreateFastifyContextOptions) => {
    const token = bearerToken(req.headers.authorization);
    const principal = token === undefined ? undefined : await deps.store.tokens.principalByHash(hashApiToken(token));
    return {
      ...deps,
      requestId: String(req.id),
      log: req.log,
      principal,
    };
  };
}

export type Context = Awaited<ReturnType<ReturnType<typeof contextFactory>>>;
