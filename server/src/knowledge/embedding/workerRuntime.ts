/**
 * The worker side of the embedding protocol, shared by every worker module: reads the init data,
 * loads the model once (again on the next request if loading failed, so model files an admin adds
 * later are picked up without a restart), answers requests one at a time, and turns failures into
 * typed replies. Runs in a worker thread or in a child process.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { embedRequestSchema, type WorkerReply } from './workerProtocol.js';

/** Embeds one batch: `data` is row-major, `texts.length × dimensions`. */
export type EmbedBatch = (texts: string[]) => Promise<{ dimensions: number; data: Float32Array }>;

/** A failure whose code the server should see as is (anything else thrown is UPSTREAM_FAILED). */
export class WorkerFailure extends Error {
  constructor(
    readonly code: 'MODEL_NOT_FOUND' | 'UPSTREAM_FAILED',
    message: string,
  ) {
    super(message);
    this.name = 'WorkerFailure';
  }
}

/** What the server passed at start: `workerData` in a thread, JSON in argv[2] in a child process. */
export function workerInit(): unknown {
  if (parentPort !== null) return workerData;
  const raw = process.argv[2];
  return raw === undefined ? undefined : JSON.parse(raw);
}

/** Serves embed requests until the server ends this worker. */
export function serveEmbeddings(load: () => Promise<EmbedBatch>): void {
  let model: Promise<EmbedBatch> | undefined;
  const getModel = (): Promise<EmbedBatch> => {
    model ??= load().catch((error: unknown) => {
      model = undefined;
      throw error;
    });
    return model;
  };
  // The server starts a worker only when it has texts to embed: load while the first request travels.
  getModel().catch(() => undefined);

  const port = parentPort;
  const send = (reply: WorkerReply): void => {
    if (port !== null) port.postMessage(reply, reply.type === 'vectors' ? [reply.data.buffer] : []);
    else process.send?.(reply);
  };

  const handle = async (raw: unknown): Promise<void> => {
    // A request this worker cannot read means the two sides disagree: crash loudly rather than guess.
    const request = embedRequestSchema.parse(raw);
    try {
      const embed = await getModel();
      const { dimensions, data } = await embed(request.texts);
      if (!Number.isInteger(dimensions) || dimensions <= 0 || data.length !== request.texts.length * dimensions) {
        throw new WorkerFailure(
          'UPSTREAM_FAILED',
          `the model returned ${data.length} numbers for ${request.texts.length} texts of ${dimensions} dimensions`,
        );
      }
      // A fresh buffer of our own: transferable, and never a view into model memory.
      send({ type: 'vectors', id: request.id, dimensions, data: Float32Array.from(data) });
    } catch (error) {
      const code = error instanceof WorkerFailure ? error.code : 'UPSTREAM_FAILED';
      send({ type: 'failed', id: request.id, code, message: error instanceof Error ? error.message : String(error) });
    }
  };

  let queue = Promise.resolve();
  const onRequest = (raw: unknown): void => {
    queue = queue.then(() => handle(raw));
  };
  if (port !== null) {
    port.on('message', onRequest);
  } else {
    process.on('message', onRequest);
    // The server went away (or closed us): nothing left to serve.
    process.on('disconnect', () => process.exit(0));
  }
}
