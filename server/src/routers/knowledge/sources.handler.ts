/**
 * Knowledge sources beyond uploads: web pages (crawled, re-synced), help-center articles pushed
 * through the articles API (upsert and delete), and the documents they produced.
 */
import { TRPCError } from '@trpc/server';
import type { IngestJobStarted, KnowledgeDocument } from '@tandem/shared';
import type { z } from 'zod';
import type { KnowledgeEngine } from '../../knowledge/knowledgeEngine.js';
import type { Store } from '../../storage/store.js';
import type { deleteArticlesInput, ingestUrlsInput, upsertArticlesInput } from './sources.schema.js';

export function ingestUrlsHandler(
  knowledge: KnowledgeEngine,
  tenantId: string,
  input: z.output<typeof ingestUrlsInput>,
): Promise<IngestJobStarted> {
  const name = input.sourceName ?? new URL(input.urls[0] as string).host;
  return knowledge.ingestUrls(tenantId, name, {
    urls: input.urls,
    depth: input.depth,
    maxPages: input.maxPages,
    ...(input.resyncMinutes === undefined ? {} : { resyncMinutes: input.resyncMinutes }),
  });
}

export async function resyncHandler(knowledge: KnowledgeEngine, tenantId: string, sourceId: string): Promise<IngestJobStarted> {
  let started: IngestJobStarted | undefined;
  try {
    started = await knowledge.resyncSource(tenantId, sourceId);
  } catch (err) {
    throw new TRPCError({ code: 'BAD_REQUEST', message: err instanceof Error ? err.message : 'This source cannot be re-synced' });
  }
  if (started === undefined) throw new TRPCError({ code: 'NOT_FOUND', message: 'No such source in this workspace' });
  return started;
}

export function upsertArticlesHandler(
  knowledge: KnowledgeEngine,
  tenantId: string,
  input: z.output<typeof upsertArticlesInput>,
): Promise<IngestJobStarted> {
  return knowledge.ingest.submit(
    tenantId,
    { kind: 'help-center', name: input.sourceName },
    input.articles.map((article) => ({ kind: 'article', article })),
  );
}

export async function deleteArticlesHandler(
  store: Store,
  knowledge: KnowledgeEngine,
  tenantId: string,
  input: z.output<typeof deleteArticlesInput>,
): Promise<{ deleted: number }> {
  const source = (await store.knowledge.listSources(tenantId)).find((s) => s.kind === 'help-center' && s.name === input.sourceName);
  if (source === undefined) return { deleted: 0 };
  let deleted = 0;
  for (const id of input.ids) {
    const doc = await store.knowledge.findDocument(tenantId, source.id, id);
    if (doc !== undefined && (await store.knowledge.deleteDocument(tenantId, doc.id))) deleted += 1;
  }
  knowledge.indexes.notify();
  return { deleted };
}

export async function listDocumentsHandler(
  store: Store,
  tenantId: string,
  input: { sourceId?: string | undefined; limit: number; offset: number },
): Promise<KnowledgeDocument[]> {
  const docs = await store.knowledge.listDocuments(tenantId, input);
  return docs.map((d) => ({
    id: d.id,
    sourceId: d.sourceId,
    externalId: d.externalId,
    title: d.title,
    ...(d.url === undefined ? {} : { url: d.url }),
    ...(d.language === undefined ? {} : { language: d.language }),
    tags: d.tags,
    version: d.version,
    contentHash: d.contentHash,
    updatedAt: d.updatedAt,
  }));
}

export async function deleteDocumentHandler(
  store: Store,
  knowledge: KnowledgeEngine,
  tenantId: string,
  documentId: string,
): Promise<{ deleted: number }> {
  const deleted = await store.knowledge.deleteDocument(tenantId, documentId);
  if (!deleted) throw new TRPCError({ code: 'NOT_FOUND', message: 'No such document in this workspace' });
  knowledge.indexes.notify();
  return { deleted: 1 };
}
