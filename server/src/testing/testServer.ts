/**
 * Starts a real Tandem server for tests: real HTTP on an ephemeral port, real (in-memory) PGlite,
 * its own temporary data directory. Integration and browser tests share this one way in.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Role } from '@tandem/shared';
import { generateApiToken, hashApiToken } from '../security/apiTokens.js';
import { newId } from '../storage/ids.js';
import { loadConfig, type ServerConfig } from '../config/env.js';
import { createServer, type CreateServerOptions, type TandemServer } from '../createServer.js';
import type { Embedder } from '../knowledge/embedding/embedder.js';
import type { Logger } from '../logging/logger.js';
import { openPgliteDatabase } from '../storage/pglite/pgliteDatabase.js';
import { storeOn, type Store } from '../storage/store.js';

export interface TestServer {
  url: string;
  adminToken: string;
  store: Store;
  config: ServerConfig;
  knowledge: TandemServer['knowledge'];
  live: TandemServer['live'];
  widget: TandemServer['widget'];
  /** Creates another workspace with a token of the given role; returns that token. */
  createTenant(id: string, name: string, role?: Role): Promise<string>;
  close(): Promise<void>;
}

export async function startTestServer(
  env: Record<string, string> = {},
  options: {
    logger?: Logger;
    store?: Store;
    embedder?: Embedder | null;
    assist?: CreateServerOptions['assist'];
    widget?: CreateServerOptions['widget'];
  } = {},
): Promise<TestServer> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'tandem-test-'));
  const config = loadConfig({ TANDEM_PORT: '0', TANDEM_DATA_DIR: dataDir, TANDEM_LOG_LEVEL: 'silent', ...env });
  const store = options.store ?? (await storeOn(await openPgliteDatabase()));
  const tandem = await createServer(config, {
    store,
    embedder: options.embedder ?? null,
    ...(options.assist === undefined ? {} : { assist: options.assist }),
    ...(options.widget === undefined ? {} : { widget: options.widget }),
    ...(options.logger === undefined ? {} : { logger: options.logger }),
  });
  const url = await tandem.start();
  const adminToken = tandem.admin.adminToken;
  if (adminToken === undefined) throw new Error('test server started without an admin token');
  return {
    url,
    adminToken,
    store,
    config,
    knowledge: tandem.knowledge,
    live: tandem.live,
    widget: tandem.widget,
    async createTenant(id, name, role = 'admin') {
      await store.tenants.create(id, name);
      const token = generateApiToken();
      await store.tokens.insert({ id: newId('tok'), tenantId: id, name: `${name} ${role}`, role, tokenHash: hashApiToken(token) });
      return token;
    },
    async close() {
      await tandem.stop();
      if (options.store === undefined) await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
