/**
 * Small facts about the knowledge base as a whole, as key/value text (such as the embedder that
 * built its vectors).
 */
import type { Database } from '../database.js';

export function knowledgeMetaRepo(db: Database) {
  return {
    async getMeta(key: string): Promise<string | undefined> {
      const rows = await db.query<{ value: string }>('select value from knowledge_meta where key = $1', [key]);
      return rows[0]?.value;
    },

    async setMeta(key: string, value: string): Promise<void> {
      await db.query('insert into knowledge_meta (key, value) values ($1, $2) on conflict (key) do update set value = excluded.value', [
        key,
        value,
      ]);
    },
  };
}
export type KnowledgeMetaRepo = ReturnType<typeof knowledgeMetaRepo>;
