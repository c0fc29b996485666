/**
 * `knowledge.changes`: the push side of the knowledge change feed. The server only nudges ("this
 * workspace's knowledge now stands at cursor X"); a client that is behind pulls `knowledge.sync`
 * from its own cursor, so the sync's epoch, format, horizon and reset rules stay the one source of
 * truth. Heartbeats let a client tell a quiet channel from a dead one.
 */
import { z } from 'zod';
import { syncEpochSchema } from './knowledgeSync.js';

/** How often the server says "still here" on a quiet channel; a client may wait ~2.5× this before calling it down. */
export const KNOWLEDGE_CHANGES_HEARTBEAT_MS = 15_000;

export const knowledgeChangesInputSchema = z
  .object({
    lastEventId: z
      .string()
      .max(200)
      .optional()
      .describe('Set by the tRPC client when it reconnects: nothing is re-announced if the feed has not moved since.'),
  })
  .prefault({});
export type KnowledgeChangesInput = z.input<typeof knowledgeChangesInputSchema>;

export const knowledgeChangeEventSchema = z.object({
  /** `changed`: the workspace's feed moved (or the client is new, or resumed behind it); `heartbeat`: nothing new. */
  kind: z.enum(['changed', 'heartbeat']),
  /** The store's data epoch: a client whose copy came from another one must sync (it will be told to reset). */
  epoch: syncEpochSchema,
  /** The workspace's newest change-feed cursor: a client whose copy stands elsewhere syncs. */
  cursor: z.number().int().nonnegative(),
});
export type KnowledgeChangeEvent = z.infer<typeof knowledgeChangeEventSchema>;

/** The tracked event id of a nudge: where the feed stood, so a reconnect says what it already heard. */
export const knowledgeChangeEventId = (event: Pick<KnowledgeChangeEvent, 'epoch' | 'cursor'>): string => `${event.epoch}:${event.cursor}`;
