// Which transcript entries the review queue picks: low-scored AI answers and knowledge-gap handoffs with the person's reply.
import type { WidgetConversationDetail, WidgetTranscriptEntry } from '@tandem/shared';
import { describe, expect, it } from 'vitest';
import { reviewItemsOf } from './reviewItems.js';

let seq = 0;
const at = (n: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString();
function entry(fields: Partial<WidgetTranscriptEntry> & Pick<WidgetTranscriptEntry, 'author' | 'kind'>): WidgetTranscriptEntry {
  seq += 1;
  return { id: `m${seq}`, seq, text: '', at: at(seq), ...fields };
}

function detail(transcript: WidgetTranscriptEntry[]): WidgetConversationDetail {
  return {
    conversation: {
      conversationId: 'c1',
      siteId: 's1',
      siteName: 'Shop',
      status: 'closed',
      visitor: { id: 'v1', verified: false, name: 'Ada' },
      createdAt: at(0),
      updatedAt: at(0),
    },
    transcript,
    live: null,
  };
}

describe('reviewItemsOf', () => {
  it('lists AI answers below the threshold with their question and sources, not those above', () => {
    const items = reviewItemsOf(
      detail([
        entry({ author: 'visitor', kind: 'message', text: 'Do you ship to Iceland?' }),
        entry({ author: 'ai', kind: 'answer', text: 'Maybe [1].', confidence: 0.3, citations: [{ n: 1, title: 'Shipping' }] }),
        entry({ author: 'visitor', kind: 'message', text: 'How do I reset my password?' }),
        entry({ author: 'ai', kind: 'answer', text: 'Use the link.', confidence: 0.9 }),
      ]),
      0.5,
    );
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      kind: 'low-confidence',
      question: 'Do you ship to Iceland?',
      answer: 'Maybe [1].',
      answeredBy: 'ai',
      siteName: 'Shop',
      visitorName: 'Ada',
      citations: [{ n: 1, title: 'Shipping' }],
    });
  });

  it('pairs a knowledge-gap handoff with the person who answered, and skips asked-for-human', () => {
    const items = reviewItemsOf(
      detail([
        entry({ author: 'visitor', kind: 'message', text: 'Can I pay with crypto?' }),
        entry({ author: 'system', kind: 'handoff', handoffReason: 'no-answer' }),
        entry({ author: 'human', kind: 'message', text: 'No, cards and PayPal only.', authorName: 'Sam' }),
        entry({ author: 'visitor', kind: 'message', text: 'Let me talk to someone' }),
        entry({ author: 'system', kind: 'handoff', handoffReason: 'asked-for-human' }),
      ]),
      0.5,
    );
    expect(items).toEqual([
      expect.objectContaining({
        kind: 'flagged',
        handoffReason: 'no-answer',
        question: 'Can I pay with crypto?',
        answer: 'No, cards and PayPal only.',
        answeredBy: 'human',
      }),
    ]);
  });

  it('leaves the answer empty when nobody replied before the visitor wrote again', () => {
    const items = reviewItemsOf(
      detail([
        entry({ author: 'visitor', kind: 'message', text: 'Where is my parcel?' }),
        entry({ author: 'system', kind: 'handoff', handoffReason: 'low-confidence' }),
        entry({ author: 'visitor', kind: 'message', text: 'Hello?' }),
        entry({ author: 'human', kind: 'message', text: 'On its way.' }),
      ]),
      0.5,
    );
    expect(items[0]).toMatchObject({ answer: '', answeredBy: 'nobody' });
  });
});
