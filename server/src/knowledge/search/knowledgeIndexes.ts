/**
 * In-process search indexes, one per tenant, built from the store on first use and kept current
 * from the change feed: a local write calls `notify()` and is applied at once; writes by other
 * server nodes are picked up by polling the feed. Any number of nodes can serve reads this way.
 * An index whose cursor falls behind a pruned deletion is rebuilt from the store, since the feed
 * can no longer tell it what went.
 */
import { ChunkIndex, indexedTitle, type FusionWeights } from '@tandem/shared/search';
import type { Logger } from '../../logging/logger.js';
import type { KnowledgeChange, KnowledgeRepo, StoredChunk, StoredDocument } from '../../storage/knowledgeRepo.js';

interface TenantIndex {
  index: ChunkIndex;
  /** Last change applied to this tenant's index. */
  cursor: number;
  /** The tenant's pruning horizon already accounted for: deletions pruned up to it cannot concern this index. */
  floor: number;
}

const PAGE = 200;

export function toIndexed(doc: StoredDocument, chunks: readonly StoredChunk[], index: ChunkIndex): void {
  index.upsertDocument(
    { documentId: doc.id, sourceId: doc.sourceId, title: doc.title, url: doc.url, language: doc.language, tags: doc.tags },
    chunks.map((c) => ({ chunkId: c.id, sectionPath: c.sectionPath, text: c.text })),
  );
  for (const c of chunks) if (c.vector !== undefined) index.setChunkVector(c.id, c.vector);
  if (doc.titleVector !== undefined) index.setTitleVector(doc.id, doc.titleVector);
}

/** The title text that gets embedded: the same acronym-expanded title the lexical index uses. */
export function titleToEmbed(title: string, chunks: readonly { text: string }[]): string {
  return indexedTitle(title, chunks);
}

export class KnowledgeIndexes {
  private readonly tenants = new Map<string, Promise<TenantIndex>>();
  private running: Promise<void> | undefined;
  private again = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly repo: KnowledgeRepo,
    private readonly log: Logger,
    private readonly options: { pollMs: number; fusion?: FusionWeights },
  ) {}

  /** Starts polling the change feed for writes made by other nodes. */
  start(): void {
    this.timer ??= setInterval(() => this.notify(), this.options.pollMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** The tenant's index, current as of the last applied change. */
  async forTenant(tenantId: string): Promise<ChunkIndex> {
    return (await (this.tenants.get(tenantId) ?? this.load(tenantId))).index;
  }

  /** Builds the tenant's index from the store, replacing any it had; searches wait for it. */
  private load(tenantId: string): Promise<TenantIndex> {
    const entry = this.build(tenantId);
    this.tenants.set(tenantId, entry);
    entry.catch(() => {
      if (this.tenants.get(tenantId) === entry) this.tenants.delete(tenantId);
    });
    return entry;
  }

  private async build(tenantId: string): Promise<TenantIndex> {
    const started = performance.now();
    // Read the cursor first: changes made while loading are applied again afterwards (idempotently).
    // And the horizon: deletions pruned before the documents are read concern none of them.
    const [cursor, feed] = await Promise.all([this.repo.latestChangeSeq(), this.repo.feedState(tenantId)]);
    const index = new ChunkIndex(this.options.fusion);
    let after = '';
    for (;;) {
      const docs = await this.repo.documentPage(tenantId, after, PAGE);
      if (docs.length === 0) break;
      await this.loadInto(index, docs);
      after = (docs[docs.length - 1] as StoredDocument).id;
    }
    const tenant: TenantIndex = { index, cursor, floor: feed.horizon };
    await this.applyTo(tenant, await this.repo.changesSince(cursor, 100_000, tenantId));
    this.log.info(
      { tenantId, documents: index.documentCount, chunks: index.chunkCount, ms: Math.round(performance.now() - started) },
      'knowledge index built',
    );
    return tenant;
  }

  private async loadInto(index: ChunkIndex, docs: readonly StoredDocument[]): Promise<void> {
    const chunks = await this.repo.chunksOf(docs.map((d) => d.id));
    const byDocument = new Map<string, StoredChunk[]>();
    for (const c of chunks) {
      const list = byDocument.get(c.documentId) ?? [];
      list.push(c);
      byDocument.set(c.documentId, list);
    }
    for (const doc of docs) toIndexed(doc, byDocument.get(doc.id) ?? [], index);
  }

  /** Applies changes after the tenant's cursor; the latest state of each document wins. */
  private async applyTo(tenant: TenantIndex, changes: readonly KnowledgeChange[]): Promise<void> {
    const fresh = changes.filter((c) => c.seq > tenant.cursor);
    if (fresh.length === 0) return;
    const tenantId = (fresh[0] as KnowledgeChange).tenantId;
    const documentIds = [...new Set(fresh.map((c) => c.documentId))];
    const current = await this.repo.documentsByIds(tenantId, documentIds);
    const present = new Set(current.map((d) => d.id));
    for (const id of documentIds) if (!present.has(id)) tenant.index.removeDocument(id);
    await this.loadInto(tenant.index, current);
    tenant.cursor = (fresh[fresh.length - 1] as KnowledgeChange).seq;
  }

  /** Something changed (here or on another node): catch up soon, without overlapping runs. */
  notify(): void {
    if (this.running !== undefined) {
      this.again = true;
      return;
    }
    this.running = this.catchUp()
      .catch((err: unknown) => this.log.error({ err }, 'knowledge index catch-up failed'))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.notify();
        }
      });
  }

  /** Resolves once every change committed before the call has been applied. */
  async settle(): Promise<void> {
    await this.idle();
    this.notify();
    await this.idle();
  }

  /** Resolves when no catch-up is running (one started meanwhile is waited for too). */
  private async idle(): Promise<void> {
    while (this.running !== undefined) await this.running;
  }

  private async catchUp(): Promise<void> {
    const byTenant = new Map<string, TenantIndex>();
    for (const [tenantId, entry] of this.tenants) {
      const tenant = await entry.catch(() => undefined);
      if (tenant !== undefined) byTenant.set(tenantId, tenant);
    }
    if (byTenant.size === 0) return;
    let from = Math.min(...[...byTenant.values()].map((t) => t.cursor));
    for (;;) {
      const changes = await this.repo.changesSince(from, 1000);
      // Read after the changes: a deletion pruned before they were read shows in its tenant's horizon.
      await this.rebuildBehind(byTenant, await this.repo.feedHorizons());
      if (changes.length === 0) return;
      const perTenant = new Map<string, KnowledgeChange[]>();
      for (const change of changes) {
        if (!byTenant.has(change.tenantId)) continue;
        const list = perTenant.get(change.tenantId) ?? [];
        list.push(change);
        perTenant.set(change.tenantId, list);
      }
      for (const [tenantId, list] of perTenant) await this.applyTo(byTenant.get(tenantId) as TenantIndex, list);
      from = (changes[changes.length - 1] as KnowledgeChange).seq;
      for (const tenant of byTenant.values()) if (tenant.cursor < from) tenant.cursor = from;
      if (changes.length < 1000) return;
    }
  }

  /**
   * Rebuilds (and stops following here) every tenant whose index a pruned deletion may concern:
   * one above both its cursor and the horizon it already accounted for.
   */
  private async rebuildBehind(byTenant: Map<string, TenantIndex>, horizons: ReadonlyMap<string, number>): Promise<void> {
    for (const [tenantId, tenant] of byTenant) {
      const horizon = horizons.get(tenantId) ?? 0;
      if (horizon <= Math.max(tenant.cursor, tenant.floor)) {
        tenant.floor = Math.max(tenant.floor, horizon);
        continue;
      }
      this.log.warn(
        { tenantId, cursor: tenant.cursor, horizon },
        'knowledge index fell behind pruned changes; rebuilding it from the store',
      );
      byTenant.delete(tenantId);
      await this.load(tenantId).catch((err: unknown) => this.log.error({ err, tenantId }, 'knowledge index rebuild failed'));
    }
  }
}
