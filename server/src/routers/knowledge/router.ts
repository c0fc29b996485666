import { router } from '../../trpc/init.js';
import { agents, leads } from '../../trpc/procedures.js';
import { deleteArticlesHandler } from './articles/delete.handler.js';
import { deleteArticlesInput, deleteArticlesOutput } from './articles/delete.schema.js';
import { upsertArticlesHandler } from './articles/upsert.handler.js';
import { upsertArticlesInput, upsertArticlesOutput } from './articles/upsert.schema.js';
import { changesHandler } from './changes.handler.js';
import { changesInput } from './changes.schema.js';
import { deleteDocumentHandler } from './documents/delete.handler.js';
import { deleteDocumentInput, deleteDocumentOutput } from './documents/delete.schema.js';
import { listDocumentsHandler } from './documents/list.handler.js';
import { listDocumentsInput, listDocumentsOutput } from './documents/list.schema.js';
import { embedQueryHandler } from './embedQuery.handler.js';
import { embedQueryInput, embedQueryOutput } from './embedQuery.schema.js';
import { ingestFilesHandler } from './ingestFiles.handler.js';
import { ingestFilesInput, ingestFilesOutput } from './ingestFiles.schema.js';
import { ingestUrlsHandler } from './ingestUrls.handler.js';
import { ingestUrlsInput, ingestUrlsOutput } from './ingestUrls.schema.js';
import { jobHandler } from './job.handler.js';
import { jobInput, jobOutput } from './job.schema.js';
import { jobProgressHandler } from './jobProgress.handler.js';
import { jobProgressInput } from './jobProgress.schema.js';
import { searchHandler } from './search.handler.js';
import { searchInput, searchOutput } from './search.schema.js';
import { listSourcesHandler } from './sources/list.handler.js';
import { listSourcesOutput } from './sources/list.schema.js';
import { resyncHandler } from './sources/resync.handler.js';
import { resyncInput, resyncOutput } from './sources/resync.schema.js';
import { knowledgeStatsHandler } from './stats.handler.js';
import { knowledgeStatsOutput } from './stats.schema.js';
import { syncHandler } from './sync.handler.js';
import { syncInput, syncOutput } from './sync.schema.js';

export const knowledgeRouter = router({
  search: agents.input(searchInput).output(searchOutput).query(searchHandler),
  /** The change feed as pages of whole documents with int8 vectors, for clients' local knowledge caches. */
  sync: agents.input(syncInput).output(syncOutput).query(syncHandler),
  /** Nudges when the workspace's change feed moves (its cursor, not the documents; clients then call sync), with heartbeats; resumable. */
  changes: agents.input(changesInput).subscription(changesHandler),
  /** The server's embedding of a query (int8), to rank a local cache's vectors; `vector: null` without an embedder. */
  embedQuery: agents.input(embedQueryInput).output(embedQueryOutput).query(embedQueryHandler),
  stats: agents.output(knowledgeStatsOutput).query(knowledgeStatsHandler),
  ingestFiles: leads.input(ingestFilesInput).output(ingestFilesOutput).mutation(ingestFilesHandler),
  ingestUrls: leads.input(ingestUrlsInput).output(ingestUrlsOutput).mutation(ingestUrlsHandler),
  job: leads.input(jobInput).output(jobOutput).query(jobHandler),
  jobProgress: leads.input(jobProgressInput).subscription(jobProgressHandler),
  sources: router({
    list: leads.output(listSourcesOutput).query(listSourcesHandler),
    resync: leads.input(resyncInput).output(resyncOutput).mutation(resyncHandler),
  }),
  articles: router({
    upsert: leads.input(upsertArticlesInput).output(upsertArticlesOutput).mutation(upsertArticlesHandler),
    delete: leads.input(deleteArticlesInput).output(deleteArticlesOutput).mutation(deleteArticlesHandler),
  }),
  documents: router({
    list: leads.input(listDocumentsInput).output(listDocumentsOutput).query(listDocumentsHandler),
    delete: leads.input(deleteDocumentInput).output(deleteDocumentOutput).mutation(deleteDocumentHandler),
  }),
});
