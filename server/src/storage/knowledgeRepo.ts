/**
 * Knowledge storage: sources, documents stored as one atomic version each (a reader never sees
 * half a document), their chunks and vectors, and the change feed (a monotonic cursor) that
 * keeps every search index and extension cache current.
 */
import type { Source, SourceKind } from '@tandem/shared';
import { newId } from './ids.js';
import type { Database, SqlExecutor } from './database.js';
import { decodeVector, encodeVector } from './vectorCodec.js';

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

export interface StoredDocument {
  id: string;
  tenantId: string;
  sourceId: string;
  externalId: string;
  title: string;
  url: string | undefined;
  language: string | undefined;
  tags: string[];
  version: number;
  contentHash: string;
  updatedAt: string;
  titleVector: Float32Array | undefined;
}

export interface StoredChunk {
  id: string;
  documentId: string;
  ordinal: number;
  text: string;
  sectionPath: string[];
  vector: Float32Array | undefined;
}

export interface KnowledgeChange {
  seq: number;
  tenantId: string;
  documentId: string;
  op: 'upsert' | 'delete' | 'vectors';
  version: number;
}

/** Marks a job item done in the same transaction that stores its document. */
export interface JobAck {
  jobId: string;
  item: string;
  bytes: number;
}

interface DocumentRow extends Record<string, unknown> {
  id: string;
  tenant_id: string;
  source_id: string;
  external_id: string;
  title: string;
  url: string | null;
  language: string | null;
  tags: string[];
  version: number;
  content_hash: string;
  updated_at: Date | string;
  title_embedding: Uint8Array | null;
}

interface ChunkRow extends Record<string, unknown> {
  id: string;
  document_id: string;
  ordinal: number;
  text: string;
  section_path: string[];
  embedding: Uint8Array | null;
}

interface SourceRow extends Record<string, unknown> {
  id: string;
  kind: SourceKind;
  name: string;
  location: string | null;
  created_at: Date | string;
  last_synced_at: Date | string | null;
}

const DOCUMENT_COLUMNS =
  'id, tenant_id, source_id, external_id, title, url, language, tags, version, content_hash, updated_at, title_embedding';

const toDocument = (r: DocumentRow): StoredDocument => ({
  id: r.id,
  tenantId: r.tenant_id,
  sourceId: r.source_id,
  externalId: r.external_id,
  title: r.title,
  url: r.url ?? undefined,
  language: r.language ?? undefined,
  tags: r.tags,
  version: r.version,
  contentHash: r.content_hash,
  updatedAt: new Date(r.updated_at).toISOString(),
  titleVector: r.title_embedding === null ? undefined : decodeVector(r.title_embedding),
});

const toChunk = (r: ChunkRow): StoredChunk => ({
  id: r.id,
  documentId: r.document_id,
  ordinal: r.ordinal,
  text: r.text,
  sectionPath: r.section_path,
  vector: r.embedding === null ? undefined : decodeVector(r.embedding),
});

const toSource = (r: SourceRow): Source => ({
  id: r.id,
  kind: r.kind,
  name: r.name,
  ...(r.location === null ? {} : { location: r.location }),
  createdAt: new Date(r.created_at).toISOString(),
  lastSyncedAt: r.last_synced_at === null ? null : new Date(r.last_synced_at).toISOString(),
});

/** Chunk ids carry the version, so a vector computed for an old version can never attach to a new one. */
export const chunkIdOf = (documentId: string, version: number, ordinal: number) => `${documentId}:v${version}:${ordinal}`;

async function ackJob(tx: SqlExecutor, ack: JobAck | undefined): Promise<void> {
  if (ack === undefined) return;
  await tx.query(`update ingest_jobs set done = done || $2::jsonb, bytes_done = bytes_done + $3, updated_at = now() where id = $1`, [
    ack.jobId,
    JSON.stringify([ack.item]),
    ack.bytes,
  ]);
}

export function knowledgeRepo(db: Database) {
  return {
    async ensureSource(
      tenantId: string,
      kind: SourceKind,
      name: string,
      location?: string,
      settings: Record<string, unknown> = {},
    ): Promise<Source> {
      const rows = await db.query<SourceRow>(
        `insert into knowledge_sources (id, tenant_id, kind, name, location, settings) values ($1, $2, $3, $4, $5, $6)
         on conflict (tenant_id, kind, name) do update set location = coalesce(excluded.location, knowledge_sources.location),
           settings = knowledge_sources.settings || excluded.settings
         returning id, kind, name, location, created_at, last_synced_at`,
        [newId('src'), tenantId, kind, name, location ?? null, JSON.stringify(settings)],
      );
      return toSource(rows[0] as SourceRow);
    },

    async listSources(tenantId: string): Promise<Source[]> {
      const rows = await db.query<SourceRow>(
        'select id, kind, name, location, created_at, last_synced_at from knowledge_sources where tenant_id = $1 order by created_at, id',
        [tenantId],
      );
      return rows.map(toSource);
    },

    async getSource(tenantId: string, sourceId: string): Promise<(Source & { settings: Record<string, unknown> }) | undefined> {
      const rows = await db.query<SourceRow & { settings: Record<string, unknown> }>(
        'select id, kind, name, location, created_at, last_synced_at, settings from knowledge_sources where tenant_id = $1 and id = $2',
        [tenantId, sourceId],
      );
      const r = rows[0];
      return r === undefined ? undefined : { ...toSource(r), settings: r.settings };
    },

    /** URL sources whose re-sync interval has passed (and that are not syncing now). */
    async dueUrlSources(): Promise<{ tenantId: string; sourceId: string }[]> {
      const rows = await db.query<{ tenant_id: string; id: string }>(
        `select s.tenant_id, s.id from knowledge_sources s
         where s.kind = 'url' and (s.settings->>'resyncMinutes') is not null
           and coalesce(s.last_synced_at, s.created_at) + make_interval(mins => (s.settings->>'resyncMinutes')::int) < now()
           and not exists (select 1 from ingest_jobs j where j.source_id = s.id and j.status = 'running')`,
      );
      return rows.map((r) => ({ tenantId: r.tenant_id, sourceId: r.id }));
    },

    async markSourceSynced(sourceId: string): Promise<void> {
      await db.query('update knowledge_sources set last_synced_at = now() where id = $1', [sourceId]);
    },

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
        // Chunks go in as multi-row inserts, a few hundred parameters at a time.
        for (let start = 0; start < input.chunks.length; start += 100) {
          const batch = input.chunks.slice(start, start + 100);
          const params: unknown[] = [];
          const values = batch.map((chunk, i) => {
            const ordinal = start + i;
            params.push(chunkIdOf(id, version, ordinal), input.tenantId, id, ordinal, chunk.text, JSON.stringify(chunk.sectionPath));
            const b = i * 6;
            return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6})`;
          });
          await tx.query(
            `insert into knowledge_chunks (id, tenant_id, document_id, ordinal, text, section_path) values ${values.join(', ')}`,
            params,
          );
        }
        await tx.query(`insert into knowledge_changes (tenant_id, document_id, op, version) values ($1, $2, 'upsert', $3)`, [
          input.tenantId,
          id,
          version,
        ]);
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
        await tx.query(`insert into knowledge_changes (tenant_id, document_id, op, version) values ($1, $2, 'delete', $3)`, [
          tenantId,
          documentId,
          version,
        ]);
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
        'select id, document_id, ordinal, text, section_path, embedding from knowledge_chunks where document_id = any($1::text[]) order by document_id, ordinal',
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

    /** The newest change's cursor: across tenants (index followers), or one tenant's (sync progress). */
    async latestChangeSeq(tenantId?: string): Promise<number> {
      const rows = await db.query<{ seq: string | number | null }>(
        'select max(seq) as seq from knowledge_changes where ($1::text is null or tenant_id = $1)',
        [tenantId ?? null],
      );
      return Number(rows[0]?.seq ?? 0);
    },

    async changesSince(cursor: number, limit: number, tenantId?: string): Promise<KnowledgeChange[]> {
      const rows = await db.query<{
        seq: string | number;
        tenant_id: string;
        document_id: string;
        op: KnowledgeChange['op'];
        version: number;
      }>(
        `select seq, tenant_id, document_id, op, version from knowledge_changes where seq > $1 and ($3::text is null or tenant_id = $3)
         order by seq limit $2`,
        [cursor, limit, tenantId ?? null],
      );
      return rows.map((r) => ({ seq: Number(r.seq), tenantId: r.tenant_id, documentId: r.document_id, op: r.op, version: r.version }));
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

    /** Chunks still waiting for a vector, with the text to embed. */
    async unembeddedChunks(
      limit: number,
    ): Promise<{ id: string; tenantId: string; documentId: string; text: string; title: string; sectionPath: string[] }[]> {
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
          if (r !== undefined) touched.set(r.document_id, { tenantId: r.tenant_id, version: Number(/:v(\d+):/.exec(chunkId)?.[1] ?? 0) });
        }
        for (const { documentId, version, vector } of titleVectors) {
          const rows = await tx.query<{ tenant_id: string }>(
            'update knowledge_documents set title_embedding = $3 where id = $1 and version = $2 returning tenant_id',
            [documentId, version, encodeVector(vector)],
          );
          const r = rows[0];
          if (r !== undefined) touched.set(documentId, { tenantId: r.tenant_id, version });
        }
        for (const [documentId, { tenantId, version }] of touched) {
          await tx.query(`insert into knowledge_changes (tenant_id, document_id, op, version) values ($1, $2, 'vectors', $3)`, [
            tenantId,
            documentId,
            version,
          ]);
        }
      });
    },

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

    /** Drops every stored vector (a different embedder will rebuild them). */
    async clearVectors(): Promise<void> {
      await db.transaction(async (tx) => {
        await tx.query('update knowledge_chunks set embedding = null where embedding is not null');
        await tx.query('update knowledge_documents set title_embedding = null where title_embedding is not null');
      });
    },
  };
}
export type KnowledgeRepo = ReturnType<typeof knowledgeRepo>;
