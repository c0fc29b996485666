import { procedureFor, router } from '../../trpc/init.js';
import { embedQueryHandler } from './embedQuery.handler.js';
import { embedQueryInput, embedQueryOutput } from './embedQuery.schema.js';
import { ingestFilesHandler, jobHandler, jobProgressHandler } from './ingest.handler.js';
import { ingestFilesInput, ingestJobStartedOutput, jobInput, jobOutput } from './ingest.schema.js';
import { searchHandler } from './search.handler.js';
import { searchInput, searchOutput } from './search.schema.js';
import {
  deleteArticlesHandler,
  deleteDocumentHandler,
  ingestUrlsHandler,
  listDocumentsHandler,
  resyncHandler,
  upsertArticlesHandler,
} from './sources.handler.js';
import {
  deleteArticlesInput,
  deleteArticlesOutput,
  deleteDocumentInput,
  ingestUrlsInput,
  listDocumentsInput,
  listDocumentsOutput,
  listSourcesOutput,
  resyncInput,
  statsOutput,
  upsertArticlesInput,
} from './sources.schema.js';
import { syncHandler } from './sync.handler.js';
import { syncInput, syncOutput } from './sync.schema.js';

const anyone = procedureFor('admin', 'lead', 'agent');
const curators = procedureFor('admin', 'lead');

export const knowledgeRouter = router({
  search: anyone
    .input(searchInput)
    .output(searchOutput)
    .query(({ ctx, input }) => searchHandler(ctx.knowledge, ctx.tenantId, input)),
  /** The change feed as pages of whole documents with int8 vectors, for clients' local knowledge caches. */
  sync: anyone
    .input(syncInput)
    .output(syncOutput)
    .query(({ ctx, input }) => syncHandler(ctx.store.knowledge, ctx.tenantId, input)),
  /** The server's embedding of a query (int8), to rank a local cache's vectors; `vector: null` without an embedder. */
  embedQuery: anyone
    .input(embedQueryInput)
    .output(embedQueryOutput)
    .query(({ ctx, input }) => embedQueryHandler(ctx.knowledge.embedder, input.text, ctx.log)),
  stats: anyone.output(statsOutput).query(({ ctx }) => ctx.store.knowledge.countDocuments(ctx.tenantId)),
  ingestFiles: curators
    .input(ingestFilesInput)
    .output(ingestJobStartedOutput)
    .mutation(({ ctx, input }) => ingestFilesHandler(ctx.knowledge, ctx.tenantId, input, ctx.config.knowledge.maxUploadBytes)),
  ingestUrls: curators
    .input(ingestUrlsInput)
    .output(ingestJobStartedOutput)
    .mutation(({ ctx, input }) => ingestUrlsHandler(ctx.knowledge, ctx.tenantId, input)),
  job: curators
    .input(jobInput)
    .output(jobOutput)
    .query(({ ctx, input }) => jobHandler(ctx.knowledge, ctx.tenantId, input.jobId)),
  jobProgress: curators
    .input(jobInput)
    .subscription(({ ctx, input, signal }) => jobProgressHandler(ctx.knowledge, ctx.tenantId, input.jobId, signal)),
  sources: router({
    list: curators.output(listSourcesOutput).query(({ ctx }) => ctx.store.knowledge.listSources(ctx.tenantId)),
    resync: curators
      .input(resyncInput)
      .output(ingestJobStartedOutput)
      .mutation(({ ctx, input }) => resyncHandler(ctx.knowledge, ctx.tenantId, input.sourceId)),
  }),
  articles: router({
    upsert: curators
      .input(upsertArticlesInput)
      .output(ingestJobStartedOutput)
      .mutation(({ ctx, input }) => upsertArticlesHandler(ctx.knowledge, ctx.tenantId, input)),
    delete: curators
      .input(deleteArticlesInput)
      .output(deleteArticlesOutput)
      .mutation(({ ctx, input }) => deleteArticlesHandler(ctx.store, ctx.knowledge, ctx.tenantId, input)),
  }),
  documents: router({
    list: curators
      .input(listDocumentsInput)
      .output(listDocumentsOutput)
      .query(({ ctx, input }) => listDocumentsHandler(ctx.store, ctx.tenantId, input)),
    delete: curators
      .input(deleteDocumentInput)
      .output(deleteArticlesOutput)
      .mutation(({ ctx, input }) => deleteDocumentHandler(ctx.store, ctx.knowledge, ctx.tenantId, input.documentId)),
  }),
});
