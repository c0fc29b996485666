/**
 * The semantic cache's memory: entries per workspace, each workspace's in least-recently-used
 * order, capped per workspace and in total (the least recently used entry of the whole cache goes
 * first). A workspace's entries are only ever read by that workspace: lookups get its list alone.
 */
import type { CachedAnswer } from './answerCache.js';
import type { QuestionKey } from './semanticCacheMatch.js';

export interface CacheEntry {
  id: number;
  tenantId: string;
  /** The widget site, or `api` for `/v1`: sites may set different confidence thresholds. */
  scope: string;
  /** The question's language (as detected), which the answer is written in. */
  language: string;
  key: QuestionKey;
  answer: CachedAnswer;
  /** Each cited document's knowledge version when the answer was written. */
  versions: ReadonlyMap<string, number>;
  storedAt: number;
}

export interface EntryLimits {
  perWorkspace: number;
  total: number;
}

export class CacheEntries {
  private readonly byTenant = new Map<string, Map<number, CacheEntry>>();
  /** Every entry, least recently used first. */
  private readonly all = new Map<number, CacheEntry>();
  private nextId = 1;
  evicted = 0;

  constructor(private readonly limits: EntryLimits) {}

  get size(): number {
    return this.all.size;
  }

  /** The workspace's entries, least recently used first; empty for a workspace with none. */
  of(tenantId: string): Iterable<CacheEntry> {
    return this.byTenant.get(tenantId)?.values() ?? [];
  }

  hasAny(tenantId: string): boolean {
    return (this.byTenant.get(tenantId)?.size ?? 0) > 0;
  }

  add(entry: Omit<CacheEntry, 'id'>): CacheEntry {
    const stored: CacheEntry = { ...entry, id: this.nextId++ };
    let tenant = this.byTenant.get(stored.tenantId);
    if (tenant === undefined) {
      tenant = new Map();
      this.byTenant.set(stored.tenantId, tenant);
    }
    tenant.set(stored.id, stored);
    this.all.set(stored.id, stored);
    while (tenant.size > this.limits.perWorkspace) this.evict(tenant.keys().next().value as number);
    while (this.all.size > this.limits.total) this.evict(this.all.keys().next().value as number);
    return stored;
  }

  /** Marks an entry as just used. */
  touch(entry: CacheEntry): void {
    const tenant = this.byTenant.get(entry.tenantId);
    if (tenant?.delete(entry.id) !== true) return;
    tenant.set(entry.id, entry);
    this.all.delete(entry.id);
    this.all.set(entry.id, entry);
  }

  remove(entry: CacheEntry): void {
    const tenant = this.byTenant.get(entry.tenantId);
    tenant?.delete(entry.id);
    if (tenant?.size === 0) this.byTenant.delete(entry.tenantId);
    this.all.delete(entry.id);
  }

  private evict(id: number): void {
    const entry = this.all.get(id);
    if (entry === undefined) return;
    this.remove(entry);
    this.evicted += 1;
  }
}
