/**
 * The reset rules as a table: which client positions continue and which start over, and that an
 * empty copy is never sent round in a loop.
 */
import { KNOWLEDGE_SYNC_FORMAT } from '@tandem/shared';
import { describe, expect, it } from 'vitest';
import { syncResetReason } from './syncReset.js';

const epoch = 'store-1';
const format = KNOWLEDGE_SYNC_FORMAT;
const feed = { epoch, latestSeq: 40, horizon: 0 };

describe('syncResetReason', () => {
  it('continues a copy from this store and format, up to the newest change', () => {
    expect(syncResetReason({ cursor: 0 }, feed)).toBeUndefined();
    expect(syncResetReason({ cursor: 12, epoch, format }, feed)).toBeUndefined();
    expect(syncResetReason({ cursor: 40, epoch, format, horizon: 0 }, feed)).toBeUndefined();
  });

  it('starts over a copy from another store, another format, or one that cannot say', () => {
    expect(syncResetReason({ cursor: 12, epoch: 'store-0', format }, feed)).toBe('epoch');
    expect(syncResetReason({ cursor: 0, epoch: 'store-0' }, feed)).toBe('epoch');
    expect(syncResetReason({ cursor: 12, epoch, format: format + 1 }, feed)).toBe('format');
    expect(syncResetReason({ cursor: 12, epoch, format }, feed, format + 1)).toBe('format');
    expect(syncResetReason({ cursor: 12 }, feed)).toBe('epoch');
    expect(syncResetReason({ cursor: 12, epoch }, feed)).toBe('format');
  });

  it('starts over a cursor ahead of the feed, counting a pruned newest deletion as issued', () => {
    expect(syncResetReason({ cursor: 41, epoch, format }, feed)).toBe('ahead');
    expect(syncResetReason({ cursor: 50, epoch, format }, { ...feed, horizon: 50 })).toBeUndefined();
    expect(syncResetReason({ cursor: 51, epoch, format }, { ...feed, horizon: 50 })).toBe('ahead');
    expect(syncResetReason({ cursor: 10, epoch, format, horizon: 60 }, { ...feed, horizon: 50 })).toBe('ahead');
  });

  it('starts over a copy behind a pruned deletion, unless it was read after that pruning', () => {
    const pruned = { ...feed, horizon: 30 };
    expect(syncResetReason({ cursor: 12, epoch, format }, pruned)).toBe('pruned');
    expect(syncResetReason({ cursor: 29, epoch, format, horizon: 20 }, pruned)).toBe('pruned');
    expect(syncResetReason({ cursor: 30, epoch, format }, pruned)).toBeUndefined();
    // Its pages already carried this horizon: the deletions below it went before the copy was read.
    expect(syncResetReason({ cursor: 12, epoch, format, horizon: 30 }, pruned)).toBeUndefined();
    // An empty copy holds nothing a deletion could concern.
    expect(syncResetReason({ cursor: 0 }, pruned)).toBeUndefined();
  });
});
