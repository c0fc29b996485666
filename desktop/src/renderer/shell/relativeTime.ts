/** "just now", "5 min ago", "3 h ago", "2 days ago": how fresh something is, at a glance. */
export function formatAgo(iso: string, now: number = Date.now()): string {
  const then = new Date(iso).getTime();
  if (Number.isNaN(then)) return iso;
  const seconds = Math.max(0, Math.round((now - then) / 1000));
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 36) return `${hours} h ago`;
  const days = Math.round(hours / 24);
  return `${days} day${days === 1 ? '' : 's'} ago`;
}

/** How old a sync may get before the console calls it stale. */
export const STALE_AFTER_MS = 7 * 24 * 3600 * 1000;

export function freshness(lastSyncedAt: string | null, now: number = Date.now()): 'fresh' | 'stale' | 'never' {
  if (lastSyncedAt === null) return 'never';
  return now - new Date(lastSyncedAt).getTime() > STALE_AFTER_MS ? 'stale' : 'fresh';
}
