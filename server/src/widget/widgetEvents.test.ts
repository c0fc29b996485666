import { widgetEventSchema } from '@tandem/shared';
import { describe, expect, it } from 'vitest';
import type { StoredWidgetMessage } from '../storage/widget/widgetConversationsRepo.js';
import { citationsFor } from './autonomousAnswer.js';
import { eventOf, transcriptEntry } from './widgetEvents.js';

const message = (over: Partial<StoredWidgetMessage>): StoredWidgetMessage => ({
  id: 'wm_1',
  tenantId: 't',
  conversationId: 'wc_1',
  seq: 1,
  author: 'visitor',
  kind: 'message',
  authorName: null,
  text: 'Hello',
  citations: null,
  confidence: null,
  data: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  ...over,
});

describe('stored messages as events', () => {
  it('turns each kind into the event the contract names', () => {
    const cases: [Partial<StoredWidgetMessage>, string][] = [
      [{}, 'message'],
      [
        {
          author: 'ai',
          kind: 'answer',
          citations: [{ n: 1, title: 'A', url: 'https://a.example/x', documentId: 'doc_1', chunkId: 'c' }],
          confidence: 0.7,
        },
        'answer',
      ],
      [{ author: 'ai', kind: 'proactive', data: { trigger: 'cart-abandoned' } }, 'proactive'],
      [{ author: 'human', kind: 'message', authorName: 'Mia' }, 'human'],
      [{ author: 'system', kind: 'handoff', data: { reason: 'no-answer' } }, 'handoff'],
      [{ author: 'system', kind: 'handback' }, 'handback'],
      [{ author: 'system', kind: 'closed' }, 'closed'],
      [{ author: 'system', kind: 'rating-request' }, 'rating-request'],
    ];
    for (const [over, type] of cases) {
      const event = eventOf(message(over));
      expect(event?.type).toBe(type);
      expect(widgetEventSchema.parse(event)).toEqual(event);
    }
    expect(
      eventOf(message({ author: 'ai', kind: 'answer', citations: [{ n: 1, title: 'A', url: 'https://a.example/x', documentId: 'd' }] })),
    ).toMatchObject({
      message: { citations: [{ n: 1, title: 'A', url: 'https://a.example/x' }] },
    });
  });

  it('shows nothing it cannot vouch for: unknown kinds and reasons, bad stored citations', () => {
    expect(eventOf(message({ author: 'system', kind: 'something-new' }))).toBeUndefined();
    expect(eventOf(message({ author: 'system', kind: 'handoff', data: { reason: 'because' } }))).toBeUndefined();
    expect(eventOf(message({ author: 'ai', kind: 'proactive', data: {} }))).toBeUndefined();
    const answer = eventOf(message({ author: 'ai', kind: 'answer', citations: [{ n: 1, title: 'A', url: 'javascript:alert(1)' }] }));
    expect(answer).toMatchObject({ type: 'answer', message: { citations: [] } });
    expect(transcriptEntry(message({ author: 'system', kind: 'handoff', data: { reason: 'no-answer' } }))).toMatchObject({
      handoffReason: 'no-answer',
    });
  });

  it('links a citation only to an http(s) source', () => {
    const source = (url: string | undefined, n: number) => ({
      chunkId: `c${n}`,
      documentId: `d${n}`,
      title: `<img src=x onerror=alert(${n})>`,
      ...(url === undefined ? {} : { url }),
      sectionPath: [],
      text: '',
      score: 1,
      highlights: [],
      n,
    });
    const sources = [
      source('javascript:alert(1)', 1),
      source('https://help.example/a', 2),
      source(undefined, 3),
      source('data:text/html,x', 4),
    ];
    expect(citationsFor(sources, [1, 2, 3, 4, 9])).toEqual([
      { n: 1, title: '<img src=x onerror=alert(1)>', documentId: 'd1', chunkId: 'c1' },
      { n: 2, title: '<img src=x onerror=alert(2)>', url: 'https://help.example/a', documentId: 'd2', chunkId: 'c2' },
      { n: 3, title: '<img src=x onerror=alert(3)>', documentId: 'd3', chunkId: 'c3' },
      { n: 4, title: '<img src=x onerror=alert(4)>', documentId: 'd4', chunkId: 'c4' },
    ]);
  });
});
