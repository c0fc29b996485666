/**
 * A Tandem server whose data lives in a directory on disk, on a port and with an admin token that
 * stay the same across restarts: wiping that directory and starting the server again is what an
 * operator does to a server, and what every extension cache that mirrored it must notice.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serverClient } from '../../server/src/cli/serverClient.js';
import { generateApiToken } from '../../server/src/security/apiTokens.js';
import { openPgliteDatabase } from '../../server/src/storage/pglite/pgliteDatabase.js';
import { storeOn, type Store } from '../../server/src/storage/store.js';
import { startTestServer, type TestServer } from '../../server/src/testing/testServer.js';

export interface HelpArticle {
  id: string;
  title: string;
  body: string;
}

export interface WipeableServer {
  readonly url: string;
  readonly token: string;
  /** Stores help articles through the API and waits until they are searchable and in the change feed. */
  addArticles(articles: readonly HelpArticle[]): Promise<void>;
  /** Stops the server, deletes its data directory, and starts it again on the same URL with the same admin token. */
  wipeAndRestart(): Promise<void>;
  /** Stops the server and deletes its data for good. */
  close(): Promise<void>;
}

export async function startWipeableServer(): Promise<WipeableServer> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'tandem-wipeable-'));
  const token = generateApiToken();
  let store: Store | undefined;
  let server: TestServer | undefined;
  let port = '0';

  async function start(): Promise<TestServer> {
    store = await storeOn(await openPgliteDatabase(path.join(dataDir, 'pglite')));
    const started = await startTestServer({ TANDEM_PORT: port, TANDEM_ADMIN_TOKEN: token }, { store });
    port = new URL(started.url).port;
    return started;
  }

  async function stop(): Promise<void> {
    await server?.close();
    await store?.close();
    server = undefined;
    store = undefined;
  }

  server = await start();
  const url = server.url;
  return {
    url,
    token,
    async addArticles(articles) {
      if (server === undefined) throw new Error('the server is stopped');
      const api = serverClient({ url, token });
      const { jobId } = await api.knowledge.articles.upsert.mutate({
        articles: articles.map((a) => ({ ...a, updated_at: '2026-01-01T00:00:00Z' })),
      });
      await server.knowledge.ingest.settled(jobId);
      await server.knowledge.indexes.settle();
    },
    async wipeAndRestart() {
      await stop();
      await rm(dataDir, { recursive: true, force: true });
      server = await start();
      if (server.url !== url) throw new Error(`the server came back on ${server.url}, not ${url}`);
    },
    async close() {
      await stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
