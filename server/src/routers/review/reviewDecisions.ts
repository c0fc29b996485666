/**
 * The review items a lead rejected, per workspace, so they leave the queue for good. Kept as one
 * workspace setting (`review.rejected`, validated here) rather than a table: a list of ids, the
 * newest kept when it grows past its cap. Approved items need no record: their document is one.
 */
import { z } from 'zod';
import type { WorkspaceSettingsRepo } from '../../storage/workspaceSettingsRepo.js';

const KEY = 'review.rejected';
/** Old rejections fall off first; an item older than the queue's window is not listed anyway. */
export const MAX_REJECTED = 5_000;

const rejectedSchema = z.array(z.object({ id: z.string(), at: z.iso.datetime(), by: z.string() }));

export function reviewDecisions(settings: Pick<WorkspaceSettingsRepo, 'get' | 'put'>) {
  async function list(tenantId: string): Promise<z.infer<typeof rejectedSchema>> {
    const parsed = rejectedSchema.safeParse((await settings.get(tenantId, KEY))?.value ?? []);
    // A value this code cannot read (an older shape) counts as nothing rejected yet.
    return parsed.success ? parsed.data : [];
  }
  // One write at a time per process: two rejections at once must not drop either.
  let writing: Promise<unknown> = Promise.resolve();
  return {
    async rejected(tenantId: string): Promise<Set<string>> {
      return new Set((await list(tenantId)).map((r) => r.id));
    },
    reject(tenantId: string, itemId: string, by: string): Promise<void> {
      const next = writing.then(async () => {
        const current = (await list(tenantId)).filter((r) => r.id !== itemId);
        const updated = [...current, { id: itemId, at: new Date().toISOString(), by }].slice(-MAX_REJECTED);
        await settings.put(tenantId, KEY, updated);
      });
      writing = next.catch(() => undefined);
      return next;
    },
  };
}
export type ReviewDecisions = ReturnType<typeof reviewDecisions>;
