/**
 * transformers.js embedder (e.g. Xenova/all-MiniLM-L6-v2), for admins who want a stronger local
 * model than USE-lite and can provide its files. The model runs in a child process
 * (transformersWorker.ts) rather than in-process: onnxruntime-node 1.14's `run()` is synchronous
 * native code behind a promise, so in-process inference would stall every request for the length
 * of a batch; and its addon loads in one thread per process only, so a worker thread could not be
 * restarted. A process can, and a native crash there does not take the server with it.
 */
import type { ServerConfig } from '../../config/env.js';
import { WorkerEmbedder } from './workerEmbedder.js';

export type TransformersConfig = ServerConfig['embedder']['transformers'];

export class TransformersEmbedder extends WorkerEmbedder {
  constructor(config: TransformersConfig) {
    super({
      id: `transformers:${config.model}`,
      batchSize: 32,
      moduleUrl: new URL('./transformersWorker.ts', import.meta.url),
      init: { model: config.model, modelsDir: config.modelsDir, allowRemote: config.allowRemote },
      isolation: 'process',
      label: `transformers.js (${config.model})`,
      // A first download can be a few hundred megabytes.
      loadTimeoutMs: config.allowRemote ? 30 * 60_000 : 120_000,
    });
  }
}
