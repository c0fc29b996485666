/**
 * Embedded storage driver: PostgreSQL compiled to WASM (PGlite) with pgvector, file-backed under
 * the data directory, or in memory for tests. No server to install.
 */
import { mkdir } from 'node:fs/promises';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite/vector';
import type { Database, SqlExecutor } from '../database.js';

function executorOf(target: PGlite | Transaction): SqlExecutor {
  return {
    async query<Row extends Record<string, unknown>>(sql: string, params: readonly unknown[] = []) {
      const result = await target.query<Row>(sql, params as unknown[]);
      return result.rows;
    },
  };
}

/** `dataDir` undefined keeps everything in memory (tests). */
export async function openPgliteDatabase(dataDir?: string): Promise<Database> {
  if (dataDir !== undefined) await mkdir(dataDir, { recursive: true });
  const pg = await PGlite.create({ ...(dataDir === undefined ? {} : { dataDir }), extensions: { vector } });
  const self = executorOf(pg);
  return {
    driver: 'pglite',
    query: self.query,
    transaction: (work) => pg.transaction((tx) => work(executorOf(tx))),
    exec: async (sql) => {
      await pg.exec(sql);
    },
    close: () => pg.close(),
  };
}
