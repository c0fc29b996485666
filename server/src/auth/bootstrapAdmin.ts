/**
 * First start: create the default workspace and its admin token. The token is shown once in the
 * console output and kept in `<dataDir>/admin-token` (mode 0600) so the next `npm start` can show
 * it again; the database holds only its hash.
 */
import { chmod, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Store } from '../storage/store.js';
import { generateApiToken, hashApiToken } from '../security/apiTokens.js';
import { newId } from '../storage/ids.js';

export const DEFAULT_TENANT_ID = 'default';

export interface AdminBootstrap {
  tenantId: string;
  /** The admin token when it is known to this process (created now, configured, or saved). */
  adminToken: string | undefined;
  created: boolean;
}

async function readSavedToken(file: string): Promise<string | undefined> {
  try {
    const saved = (await readFile(file, 'utf8')).trim();
    return saved === '' ? undefined : saved;
  } catch {
    return undefined;
  }
}

export async function bootstrapAdmin(store: Store, dataDir: string, configuredToken: string | undefined): Promise<AdminBootstrap> {
  const tokenFile = path.join(dataDir, 'admin-token');
  let created = false;
  if ((await store.tenants.get(DEFAULT_TENANT_ID)) === undefined) {
    await store.tenants.create(DEFAULT_TENANT_ID, 'Demo workspace');
    created = true;
  }
  const token = configuredToken ?? (await readSavedToken(tokenFile)) ?? (created ? generateApiToken() : undefined);
  if (token !== undefined && !(await store.tokens.exists(hashApiToken(token)))) {
    await store.tokens.insert({
      id: newId('tok'),
      tenantId: DEFAULT_TENANT_ID,
      name: 'Admin',
      role: 'admin',
      tokenHash: hashApiToken(token),
    });
    if (configuredToken === undefined) {
      await writeFile(tokenFile, `${token}\n`, { mode: 0o600 });
      await chmod(tokenFile, 0o600);
    }
  }
  return { tenantId: DEFAULT_TENANT_ID, adminToken: token, created };
}
