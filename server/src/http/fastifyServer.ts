/**
 * The Fastify instance every capability registers on: the logger, request ids (a sane
 * `x-request-id` is kept, else one is made, and echoed back), the body limit uploads need, and
 * CORS for the origins the config allows (the desktop app's tandem://app).
 */
import { randomUUID } from 'node:crypto';
import fastifyCors from '@fastify/cors';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import type { ServerConfig } from '../config/env.js';
import type { Logger } from '../logging/logger.js';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,100}$/;

/** The largest request body: uploads travel base64-encoded in JSON (4/3 of their size), plus room for the rest. */
export function requestBodyLimit(config: Pick<ServerConfig, 'knowledge'>): number {
  return Math.ceil(config.knowledge.maxUploadBytes * 1.4) + 1024 * 1024;
}

export async function createFastifyServer(config: Pick<ServerConfig, 'knowledge' | 'corsOrigins'>, logger: Logger) {
  const server = Fastify({
    // pino's Logger is a FastifyBaseLogger; the cast keeps Fastify's default generic so plugins type-check.
    loggerInstance: logger as FastifyBaseLogger,
    routerOptions: { maxParamLength: 5000 },
    // Every route needs a token, so a large body is an authenticated client's upload.
    bodyLimit: requestBodyLimit(config),
    requestIdHeader: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
  });
  server.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  // The desktop app's page lives at tandem://app; browsers elsewhere get no CORS grant.
  await server.register(fastifyCors, {
    origin: config.corsOrigins,
    allowedHeaders: ['authorization', 'content-type', 'x-request-id'],
    maxAge: 600,
  });
  return server;
}

/** A URL this process reaches itself on: loopback when it listens on every interface. */
export function localBaseUrl(host: string, port: number): string {
  const local = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return `http://${local.includes(':') ? `[${local}]` : local}:${port}`;
}
