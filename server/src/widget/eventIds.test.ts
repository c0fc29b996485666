import { describe, expect, it } from 'vitest';
import { lastingEventId, parseEventId, passingEventId } from './eventIds.js';

describe('event ids', () => {
  it('names stored messages and an answer’s passing events, and reads them back', () => {
    expect(lastingEventId('wc_a-B', 7)).toBe('wc_a-B.7');
    expect(passingEventId('wc_a-B', 7, 3)).toBe('wc_a-B.7.3');
    expect(parseEventId('wc_a-B.7')).toEqual({ conversationId: 'wc_a-B', seq: 7 });
    expect(parseEventId('wc_a-B.7.3')).toEqual({ conversationId: 'wc_a-B', seq: 7, index: 3 });
  });

  it('reads nothing else', () => {
    for (const junk of [undefined, '', '7', 'wc.x', 'wc.1.2.3', '../wc.1', 'wc.-1', `wc.${'9'.repeat(12)}`])
      expect(parseEventId(junk)).toBeUndefined();
  });
});
