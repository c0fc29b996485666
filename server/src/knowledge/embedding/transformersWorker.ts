/**
 * Child process for transformers.js: a feature-extraction pipeline (mean pooling, normalised) over
 * a model folder the admin provides, or a one-time hub download where that is allowed. Runs in its
 * own process, not a thread: see workerChannel.ts (onnxruntime-node 1.14 loads once per process,
 * and its inference call is synchronous native code that would otherwise stall the server).
 */
import path from 'node:path';
import { z } from 'zod';
import { serveEmbeddings, workerInit, WorkerFailure } from './workerRuntime.js';

const init = z.object({ model: z.string().min(1), modelsDir: z.string().min(1), allowRemote: z.boolean() }).parse(workerInit());

const MODEL_FILES = '{config.json,tokenizer.json,tokenizer_config.json,onnx/model_quantized.onnx}';

/** What the admin needs to do, with transformers.js's own words at the end for the details. */
function modelNotFound(detail: string): WorkerFailure {
  const where = path.join(init.modelsDir, ...init.model.split('/'));
  const problem = init.allowRemote
    ? `transformers.js model "${init.model}" is not in ${init.modelsDir} and could not be downloaded.`
    : `transformers.js model "${init.model}" was not found in ${init.modelsDir}.`;
  return new WorkerFailure(
    'MODEL_NOT_FOUND',
    `${problem} Put its files at ${where}/${MODEL_FILES} (from the model's Hugging Face repository), ` +
      `or set TANDEM_TRANSFORMERS_ALLOW_REMOTE=true on a machine with internet access to download them there once. (${detail})`,
  );
}

const isMissingFile = (message: string): boolean =>
  /not found locally|Could not locate file|attempted to load a remote file|fetch failed|ENOTFOUND|ECONNREFUSED|EAI_AGAIN/i.test(message);

serveEmbeddings(async () => {
  const { env, pipeline } = await import('@xenova/transformers');
  env.localModelPath = init.modelsDir;
  env.allowLocalModels = true;
  env.allowRemoteModels = init.allowRemote;
  // Downloads are cached as <cacheDir>/<org>/<name>/<file>: with the cache in modelsDir itself a
  // downloaded model lands exactly where the offline loader looks, and the folder can be copied
  // to a machine without internet.
  env.cacheDir = init.modelsDir;
  const extractor = await pipeline('feature-extraction', init.model, { quantized: true }).catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    throw isMissingFile(message)
      ? modelNotFound(message)
      : new WorkerFailure('UPSTREAM_FAILED', `transformers.js model "${init.model}" could not be loaded: ${message}`);
  });
  return async (texts) => {
    const output = await extractor(texts, { pooling: 'mean', normalize: true });
    const [rows, dimensions] = output.dims;
    if (rows !== texts.length || dimensions === undefined || !(output.data instanceof Float32Array)) {
      throw new WorkerFailure(
        'UPSTREAM_FAILED',
        `transformers.js returned a tensor of shape [${output.dims.join(', ')}] for ${texts.length} texts`,
      );
    }
    return { dimensions, data: output.data };
  };
});
