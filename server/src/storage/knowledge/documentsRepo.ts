/**
 * Knowledge documents and their chunks: each document stored as one atomic version (a reader never
 * sees half a document), with its change-feed entry and, for ingestion jobs, the item's
 * acknowledgement in the same transaction.
 */
import type { Database, SqlExecutor } from '../database.js';
import { newId } from '../ids.js';
import { appendChange } from './changeFeedRepo.js';
import {
  CHUNK_COLUMNS,
  chunkIdOf,
  DOCUMENT_COLUMNS,
  toChunk,
  toDocument,
  type ChunkRow,
  type DocumentRow,
  type StoredChunk,
  type StoredDocument,
} from './documentRecords.js';

export interface ChunkInput {
  text: string;
  sectionPath: string[];
}

export interface DocumentInput {
  tenantId: string;
  sourceId: string;
  externalId: string;
  title: string;
  url?: string | undefined;
  language?: string | undefined;
  tags?: string[] | undefined;
  contentHash: string;
  chunks: ChunkInput[];
}

/** Marks a job item done in the same transaction that stores its document. */
export interface JobAck {
  jobId: string;
  item: string;
  bytes: number;
}

/** Chunks per multi-row insert: a few hundred parameters at a time. */
const CHUNK_INSERT_BATCH = 100;

async function ackJob(tx: SqlExecutor, ack: JobAck | undefined): Promise<void> {
  if (ack === undefined) return;
  await tx.query(`update ingest_jobs set done = done || $2::jsonb, bytes_done = bytes_done + $3, updated_at = now() where id = $1`, [
    ack.jobId,
    JSON.stringify([ack.item]),
    ack.bytes,
  ]);
}

async function insertChunks(tx: SqlExecutor, tenantId: string, documentId: string, version: number, chunks: readonly ChunkInput[]) {
  for (let start = 0; start < chunks.length; start += CHUNK_INSERT_BATCH) {
    const batch = chunks.slice(start, start + CHUNK_INSERT_BATCH);
    const params: unknown[] = [];
    const values = batch.map((chunk, i) => {
      const ordinal = start + i;
      params.push(chunkIdOf(documentId, version, ordinal), tenantId, documentId, ordinal, chunk.text, JSON.stringify(chunk.sectionPath));
      const b = i * 6;
      return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6})`;
    });
    await tx.query(
      `insert into knowledge_chunks (id, tenant_id, document_id, ordinal, text, section_path) values ${values.join(', ')}`,
      params,
    );
  }
}

export function knowledgeDocumentsRepo(db: Database) {
  return {
    /**
     * Stores a new version of a document in one transaction: document row, all chunks, change
     * feed entry and (optionally) the job's acknowledgement. Unchanged content stores nothing.
     */
    async upsertDocument(input: DocumentInput, ack?: JobAck): Promise<{ document: StoredDocument; changed: boolean }> {
      return db.transaction(async (tx) => {
        const existing = (
          await tx.query<DocumentRow>(
            `select ${DOCUMENT_COLUMNS} from knowledge_documents where tenant_id = $1 and source_id = $2 and external_id = $3 for update`,
            [input.tenantId, input.sourceId, input.externalId],
          )
        )[0];
        const tags = input.tags ?? [];
        if (existing !== undefined && existing.content_hash === input.contentHash && existing.title === input.title) {
          await ackJob(tx, ack);
          return { document: toDocument(existing), changed: false };
        }
        const id = existing?.id ?? newId('doc');
        const version = (existing?.version ?? 0) + 1;
        let row: DocumentRow;
        if (existing === undefined) {
          row = (
            await tx.query<DocumentRow>(
              `insert into knowledge_documents (id, tenant_id, source_id, external_id, title, url, language, tags, version, content_hash)
               values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning ${DOCUMENT_COLUMNS}`,
              [
                id,
                input.tenantId,
                input.sourceId,
                input.externalId,
                input.title,
                input.url ?? null,
                input.language ?? null,
                JSON.stringify(tags),
                version,
                input.contentHash,
              ],
            )
          )[0] as DocumentRow;
        } else {
          await tx.query('delete from knowledge_chunks where document_id = $1', [id]);
          row = (
            await tx.query<DocumentRow>(
              `update knowledge_documents set title = $2, url = $3, language = $4, tags = $5, version = $6, content_hash = $7,
                 updated_at = now(), title_embedding = null where id = $1 returning ${DOCUMENT_COLUMNS}`,
              [id, input.title, input.url ?? null, input.language ?? null, JSON.stringify(tags), version, input.contentHash],
            )
          )[0] as DocumentRow;
        }
        await insertChunks(tx, input.tenantId, id, version, input.chunks);
        await appendChange(tx, { tenantId: input.tenantId, documentId: id, op: 'upsert', version });
        await ackJob(tx, ack);
        return { document: toDocument(row), changed: true };
      });
    },

    /** Deletes a document (and its chunks) and records the deletion in the change feed. */
    async deleteDocument(tenantId: string, documentId: string): Promise<boolean> {
      return db.transaction(async (tx) => {
        const rows = await tx.query<{ version: number }>(
          'delete from knowledge_documents where tenant_id = $1 and id = $2 returning version',
          [tenantId, documentId],
        );
        const version = rows[0]?.version;
        if (version === undefined) return false;
        await appendChange(tx, { tenantId, documentId, op: 'delete', version });
        return true;
      });
    },

    async findDocument(tenantId: string, sourceId: string, externalId: string): Promise<StoredDocument | undefined> {
      const rows = await db.query<DocumentRow>(
        `select ${DOCUMENT_COLUMNS} from knowledge_documents where tenant_id = $1 and source_id = $2 and external_id = $3`,
        [tenantId, sourceId, externalId],
      );
      return rows[0] === undefined ? undefined : toDocument(rows[0]);
    },

    async getDocument(tenantId: string, documentId: string): Promise<StoredDocument | undefined> {
      const rows = await db.query<DocumentRow>(`select ${DOCUMENT_COLUMNS} from knowledge_documents where tenant_id = $1 and id = $2`, [
        tenantId,
        documentId,
      ]);
      return rows[0] === undefined ? undefined : toDocument(rows[0]);
    },

    async listDocuments(tenantId: string, options: { sourceId?: string; limit: number; offset: number }): Promise<StoredDocument[]> {
      const rows = await db.query<DocumentRow>(
        `select ${DOCUMENT_COLUMNS} from knowledge_documents where tenant_id = $1 and ($2::text is null or source_id = $2)
         order by updated_at desc, id limit $3 offset $4`,
        [tenantId, options.sourceId ?? null, options.limit, options.offset],
      );
      return rows.map(toDocument);
    },

    async externalIdsOfSource(tenantId: string, sourceId: string): Promise<Map<string, string>> {
      const rows = await db.query<{ id: string; external_id: string }>(
        'select id, external_id from knowledge_documents where tenant_id = $1 and source_id = $2',
        [tenantId, sourceId],
      );
      return new Map(rows.map((r) => [r.external_id, r.id]));
    },

    async chunksOf(documentIds: readonly string[]): Promise<StoredChunk[]> {
      if (documentIds.length === 0) return [];
      const rows = await db.query<ChunkRow>(
        `select ${CHUNK_COLUMNS} from knowledge_chunks where document_id = any($1::text[]) order by document_id, ordinal`,
        [documentIds],
      );
      return rows.map(toChunk);
    },

    async documentsByIds(tenantId: string, documentIds: readonly string[]): Promise<StoredDocument[]> {
      if (documentIds.length === 0) return [];
      const rows = await db.query<DocumentRow>(
        `select ${DOCUMENT_COLUMNS} from knowledge_documents where tenant_id = $1 and id = any($2::text[])`,
        [tenantId, documentIds],
      );
      return rows.map(toDocument);
    },

    /** One page of a tenant's documents in id order, for building an index without holding everything twice. */
    async documentPage(tenantId: string, afterId: string, limit: number): Promise<StoredDocument[]> {
      const rows = await db.query<DocumentRow>(
        `select ${DOCUMENT_COLUMNS} from knowledge_documents where tenant_id = $1 and id > $2 order by id limit $3`,
        [tenantId, afterId, limit],
      );
      return rows.map(toDocument);
    },

    async countDocuments(tenantId: string): Promise<{ documents: number; chunks: number; embedded: number }> {
      const rows = await db.query<{ documents: number; chunks: number; embedded: number }>(
        `select (select count(*)::int from knowledge_documents where tenant_id = $1) as documents,
                (select count(*)::int from knowledge_chunks where tenant_id = $1) as chunks,
                (select count(*)::int from knowledge_chunks where tenant_id = $1 and embedding is not null) as embedded`,
        [tenantId],
      );
      return rows[0] ?? { documents: 0, chunks: 0, embedded: 0 };
    },
  };
}
export type KnowledgeDocumentsRepo = ReturnType<typeof knowledgeDocumentsRepo>;
