/**
 * The panel's words for message roles: an unknown sender and a partly visible message are said
 * plainly, and nothing is said when every message was read whole and placed.
 */
import { describe, expect, it } from 'vitest';
import { messageCaveats, ROLE_LABELS } from './messageRoles';

describe('messageCaveats', () => {
  it('says how many messages have an unknown sender or were only partly visible', () => {
    const messages = [
      { authorRole: 'customer' as const, partial: true },
      { authorRole: 'unknown' as const, partial: false },
      { authorRole: 'unknown' as const, partial: true },
      { authorRole: 'agent' as const, partial: false },
    ];
    expect(messageCaveats(messages)).toEqual(['2 from an unknown sender', '2 only partly visible']);
  });

  it('says nothing when every message is whole and placed', () => {
    expect(
      messageCaveats([
        { authorRole: 'customer', partial: false },
        { authorRole: 'internal', partial: false },
      ]),
    ).toEqual([]);
  });

  it('names the unknown role plainly', () => {
    expect(ROLE_LABELS.unknown).toBe('Unknown sender');
  });
});
