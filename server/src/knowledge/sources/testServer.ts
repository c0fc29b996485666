/**
 * A throwaway HTTP server on 127.0.0.1 for the fetch and crawl tests: routes by path, answers
 * everything else with 404, and records every connection and request so a test can prove what
 * was (or was never) asked for.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';

export type Route = string | ((request: IncomingMessage, response: ServerResponse) => void);

export interface TestServer {
  origin: string;
  port: number;
  /** Paths (with query) in the order they were requested. */
  requests: string[];
  /** Host headers in request order. */
  hosts: string[];
  connections: number;
  close(): Promise<void>;
}

export async function startServer(routes: Record<string, Route>): Promise<TestServer> {
  const state = { requests: [] as string[], hosts: [] as string[], connections: 0 };
  const server = createServer((request, response) => {
    const path = request.url ?? '/';
    state.requests.push(path);
    state.hosts.push(request.headers.host ?? '');
    const route = routes[path];
    if (typeof route === 'function') return route(request, response);
    if (typeof route === 'string') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return response.end(route);
    }
    response.writeHead(404, { 'content-type': 'text/plain' });
    response.end('Not found');
  });
  server.on('connection', () => state.connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    get requests() {
      return state.requests;
    },
    get hosts() {
      return state.hosts;
    },
    get connections() {
      return state.connections;
    },
    close: () =>
      new Promise<void>((resolve) => {
        // Routes that never answer would otherwise hold close() open.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function redirect(location: string, status = 302): Route {
  return (_request, response) => {
    response.writeHead(status, { location });
    response.end();
  };
}

export function page(title: string, body: string): string {
  return `<!doctype html><html><head><title>${title}</title></head><body><h1>${title}</h1>${body}</body></html>`;
}
