/**
 * A workspace's webhook sources: the systems (a shop, billing, a helpdesk) that send it signed
 * live events. Each has its own signing secret, shown once when the source is created.
 */
import { ServiceError } from '../errors/serviceError.js';
import type { LiveEventsRepo, LiveSource } from '../storage/liveEventsRepo.js';

export interface CreatedWebhookSource {
  id: string;
  name: string;
  secret: string;
  /** Where the sender posts, relative to the server's URL. */
  path: string;
}

export function webhookSources(repo: Pick<LiveEventsRepo, 'createSource' | 'listSources' | 'getSource'>) {
  const pathOf = (tenantId: string, sourceId: string) => `/webhooks/${tenantId}/${sourceId}`;
  return {
    pathOf,
    async create(tenantId: string, name: string): Promise<CreatedWebhookSource> {
      const existing = await repo.listSources(tenantId);
      if (existing.some((s) => s.name === name)) throw new ServiceError('CONFLICT', 'A source with this name exists');
      const source = await repo.createSource(tenantId, name);
      return { id: source.id, name: source.name, secret: source.secret, path: pathOf(tenantId, source.id) };
    },
    /**
     * The source of this name, created if missing (Tandem's own senders: the assist pipeline, the
     * demo store), with its secret. Two callers racing for one name both get the one that was stored.
     */
    async ensure(tenantId: string, name: string): Promise<LiveSource> {
      const find = async () => {
        const info = (await repo.listSources(tenantId)).find((s) => s.name === name);
        return info === undefined ? undefined : repo.getSource(tenantId, info.id);
      };
      const existing = await find();
      if (existing !== undefined) return existing;
      try {
        return await repo.createSource(tenantId, name);
      } catch (error) {
        const raced = await find();
        if (raced === undefined) throw error;
        return raced;
      }
    },
    /** Without secrets: listings reach the console. */
    async list(tenantId: string): Promise<{ id: string; name: string; createdAt: string }[]> {
      return (await repo.listSources(tenantId)).map((s) => ({ id: s.id, name: s.name, createdAt: s.createdAt }));
    },
  };
}

export type WebhookSources = ReturnType<typeof webhookSources>;
