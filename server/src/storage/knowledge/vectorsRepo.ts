/**
 * Vectors of chunks and titles, filled in behind ingestion: what still waits for one, saving them
 * (only onto the version they were computed for, announced on the change feed) and dropping them
 * all when the embedder changes.
 */
import type { Database } from '../database.js';
import { encodeVector } from '../vectorCodec.js';
import { appendChange } from './changeFeedRepo.js';
import { versionOfChunkId } from './documentRecords.js';

export interface UnembeddedChunk {
  id: string;
  tenantId: string;
  documentId: string;
  text: string;
  title: string;
  sectionPath: string[];
}

export function knowledgeVectorsRepo(db: Database) {
  return {
    /** Chunks still waiting for a vector, with the text to embed. */
    async unembeddedChunks(limit: number): Promise<UnembeddedChunk[]> {
      const rows = await db.query<{
        id: string;
        tenant_id: string;
        document_id: string;
        text: string;
        title: string;
        section_path: string[];
      }>(
        `select c.id, c.tenant_id, c.document_id, c.text, d.title, c.section_path from knowledge_chunks c
         join knowledge_documents d on d.id = c.document_id where c.embedding is null order by c.document_id, c.ordinal limit $1`,
        [limit],
      );
      return rows.map((r) => ({
        id: r.id,
        tenantId: r.tenant_id,
        documentId: r.document_id,
        text: r.text,
        title: r.title,
        sectionPath: r.section_path,
      }));
    },

    async untitledVectorDocuments(limit: number): Promise<{ id: string; tenantId: string; title: string; version: number }[]> {
      const rows = await db.query<{ id: string; tenant_id: string; title: string; version: number }>(
        'select id, tenant_id, title, version from knowledge_documents where title_embedding is null order by id limit $1',
        [limit],
      );
      return rows.map((r) => ({ id: r.id, tenantId: r.tenant_id, title: r.title, version: r.version }));
    },

    /**
     * Saves vectors for chunks (and titles) that still exist at that version, and announces them
     * on the change feed so other nodes pick them up.
     */
    async saveVectors(
      chunkVectors: readonly { chunkId: string; vector: Float32Array }[],
      titleVectors: readonly { documentId: string; version: number; vector: Float32Array }[],
    ): Promise<void> {
      await db.transaction(async (tx) => {
        const touched = new Map<string, { tenantId: string; version: number }>();
        for (const { chunkId, vector } of chunkVectors) {
          const rows = await tx.query<{ document_id: string; tenant_id: string }>(
            'update knowledge_chunks set embedding = $2 where id = $1 returning document_id, tenant_id',
            [chunkId, encodeVector(vector)],
          );
          const r = rows[0];
          if (r !== undefined) touched.set(r.document_id, { tenantId: r.tenant_id, version: versionOfChunkId(chunkId) });
        }
        for (const { documentId, version, vector } of titleVectors) {
          const rows = await tx.query<{ tenant_id: string }>(
            'update knowledge_documents set title_embedding = $3 where id = $1 and version = $2 returning tenant_id',
            [documentId, version, encodeVector(vector)],
          );
          const r = rows[0];
          if (r !== undefined) touched.set(documentId, { tenantId: r.tenant_id, version });
        }
        for (const [documentId, { tenantId, version }] of touched) await appendChange(tx, { tenantId, documentId, op: 'vectors', version });
      });
    },

    /** Drops every stored vector (a different embedder will rebuild them). */
    async clearVectors(): Promise<void> {
      await db.transaction(async (tx) => {
        await tx.query('update knowledge_chunks set embedding = null where embedding is not null');
        await tx.query('update knowledge_documents set title_embedding = null where title_embedding is not null');
      });
    },
  };
}
export type KnowledgeVectorsRepo = ReturnType<typeof knowledgeVectorsRepo>;
