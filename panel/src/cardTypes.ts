/**
 * What the knowledge cards show, as plain types: the cards for a ticket and the state of the
 * knowledge behind them. The extension fills them from its local cache and the server; the desktop
 * Copilot screen from the server alone.
 */
import type { SearchHit } from '@tandem/shared';

export const CARD_COUNT = 5;

export interface KnowledgeCards {
  ticketId: string;
  /** The query the cards answer, so a ticket edit that changes it refreshes them. */
  query: string;
  hits: SearchHit[];
  origin: 'cache' | 'server';
}

export type KnowledgeCacheStatus = 'loading' | 'syncing' | 'ready' | 'offline' | 'quota-exceeded' | 'error';

/** Where the knowledge the cards come from stands (the extension's local cache; the desktop has none). */
export interface KnowledgeCacheView {
  status: KnowledgeCacheStatus;
  documents: number;
  chunks: number;
  cursor: number;
  latestCursor: number;
  lastSyncedAt: number | undefined;
  detail?: string | undefined;
  /** How changes reach the cache while following: pushed by the server, or polled while the push channel is down. */
  updates?: 'push' | 'poll' | undefined;
}
