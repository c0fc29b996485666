// Console conversation search: every word somewhere in the visitor, site or one transcript line, accents and case folded.
import type { WidgetConversationDetail } from '@tandem/shared';
import { describe, expect, it } from 'vitest';
import { matchConversation, wordsOf } from './conversationMatch.js';

const at = '2026-01-01T00:00:00.000Z';
const detail: WidgetConversationDetail = {
  conversation: {
    conversationId: 'c1',
    siteId: 's1',
    siteName: 'Northwind shop',
    status: 'human',
    visitor: { id: 'v1', verified: true, name: 'Zoë Brandt', userId: 'zoe@example.com' },
    createdAt: at,
    updatedAt: at,
  },
  transcript: [
    { id: 'm1', seq: 1, author: 'visitor', kind: 'message', text: 'My parcel to Zürich never arrived', at },
    { id: 'm2', seq: 2, author: 'human', kind: 'message', text: 'Sorry! I have sent a new one.', at },
  ],
  live: null,
};

describe('matchConversation', () => {
  it('finds words in a transcript line, folding case and accents, with that line as snippet', () => {
    expect(matchConversation(detail, wordsOf('PARCEL zurich'))).toEqual({ snippet: 'My parcel to Zürich never arrived' });
  });
  it('matches the visitor and site without a snippet, and words split across them and a line', () => {
    expect(matchConversation(detail, wordsOf('zoe northwind'))).toEqual({});
    expect(matchConversation(detail, wordsOf('zoe parcel'))).toEqual({ snippet: 'My parcel to Zürich never arrived' });
  });
  it('needs every word', () => {
    expect(matchConversation(detail, wordsOf('parcel refund'))).toBeUndefined();
  });
});
