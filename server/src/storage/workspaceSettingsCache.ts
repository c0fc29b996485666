/**
 * A per-process cache of workspace settings reads. Each widget or copilot answer reads the same
 * few settings several times (assist policy, review threshold), and each read was a query.
 *
 * Correct in one process: a write through this process's repository drops the key's entry once it
 * is stored, so later reads see it; a read already under way keeps its (older) answer for the
 * callers that joined it, and is not kept. Several server nodes: a write on another node is seen
 * here once the entry expires (`ttlMs`, 2 s by default); settings have no change feed to listen to.
 */

export interface SettingsCacheOptions {
  /** How long a read is reused, which bounds how stale a write from another node can look. */
  ttlMs?: number;
  /** Most (workspace, key) pairs kept; the oldest entry makes room. */
  maxEntries?: number;
  /** The clock, for tests. */
  now?: () => number;
}

interface Entry<T> {
  readonly value: Promise<T>;
  readonly expiresAt: number;
}

export const SETTINGS_CACHE_TTL_MS = 2_000;

export function settingsCache<T>(options: SettingsCacheOptions = {}) {
  const ttlMs = options.ttlMs ?? SETTINGS_CACHE_TTL_MS;
  const maxEntries = options.maxEntries ?? 10_000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry<T>>();
  // The NUL cannot occur in a tenant id read from a URL or a token, so keys never collide.
  const keyOf = (tenantId: string, key: string): string => `${tenantId}\u0000${key}`;

  return {
    /** The cached read of (tenantId, key), or a new one by `load` shared with concurrent callers. */
    read(tenantId: string, key: string, load: () => Promise<T>): Promise<T> {
      const cacheKey = keyOf(tenantId, key);
      const cached = entries.get(cacheKey);
      if (cached !== undefined && cached.expiresAt > now()) return cached.value;
      if (cached !== undefined) entries.delete(cacheKey);
      const entry: Entry<T> = { value: load(), expiresAt: now() + ttlMs };
      entries.set(cacheKey, entry);
      // A failed read is not remembered.
      entry.value.catch(() => {
        if (entries.get(cacheKey) === entry) entries.delete(cacheKey);
      });
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
      return entry.value;
    },
    /** Called once a write of (tenantId, key) is stored: the next read goes to the database. */
    invalidate(tenantId: string, key: string): void {
      entries.delete(keyOf(tenantId, key));
    },
  };
}
