/**
 * The message protocol between an embedding worker (thread or child process) and the server. Both
 * sides validate what they receive: a worker is separate code that can crash half-way or be a
 * different build, and a malformed message must fail one request, not corrupt a store.
 */
import { z } from 'zod';

/** Server → worker: embed these texts. One request is in flight at a time. */
export const embedRequestSchema = z.object({
  type: z.literal('embed'),
  id: z.number().int().nonnegative(),
  texts: z.array(z.string()),
});
export type EmbedRequest = z.infer<typeof embedRequestSchema>;

/** Worker → server: the answer to one request. */
export const workerReplySchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('vectors'),
    id: z.number().int().nonnegative(),
    dimensions: z.number().int().positive(),
    /** Row-major, `texts.length × dimensions`: one buffer crosses the boundary instead of one per text. */
    data: z.instanceof(Float32Array),
  }),
  z.object({
    type: z.literal('failed'),
    id: z.number().int().nonnegative(),
    code: z.enum(['MODEL_NOT_FOUND', 'UPSTREAM_FAILED']),
    message: z.string(),
  }),
]);
export type WorkerReply = z.infer<typeof workerReplySchema>;
