/**
 * A capability of the server (knowledge, live context, assist, webhooks, the demo store, the API,
 * the console, probes): the routes it adds as a Fastify plugin and its own lifecycle. createServer
 * registers each in turn, starts them in that order once the server listens, and stops them in
 * reverse: `drain` while the server still answers (flush what is being sent, end long-lived
 * streams), `stop` once it no longer does.
 */
import type { FastifyPluginAsync } from 'fastify';

export interface ListeningServer {
  /** The address it listens on, as Fastify reports it. */
  address: string;
  /** A URL this process reaches itself on (loopback when it listens on every interface). */
  localBaseUrl: string;
}

export interface Capability {
  readonly name: string;
  /** Its routes, registered in their own encapsulated scope. */
  readonly routes?: FastifyPluginAsync;
  start?(server: ListeningServer): Promise<void> | void;
  drain?(): Promise<void> | void;
  stop?(): Promise<void> | void;
}
