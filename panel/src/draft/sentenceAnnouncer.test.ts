/** The streaming draft's announcements: each sentence once, when it completes. */
import { describe, expect, it } from 'vitest';
import { nextAnnouncement } from './sentenceAnnouncer';

describe('nextAnnouncement', () => {
  it('waits for a sentence to end, then says only that sentence', () => {
    expect(nextAnnouncement('Hi Ana, thanks for', 0, false)).toEqual({ text: '', upTo: 0 });
    const first = nextAnnouncement('Hi Ana, thanks for writing. Your refund', 0, false);
    expect(first.text).toBe('Hi Ana, thanks for writing.');
    const second = nextAnnouncement('Hi Ana, thanks for writing. Your refund was sent [1]. It takes', first.upTo, false);
    expect(second.text).toBe('Your refund was sent.');
  });

  it('does not split a number or an unfinished sentence', () => {
    expect(nextAnnouncement('It costs 3.50 EUR', 0, false).text).toBe('');
  });

  it('says the rest at the end of the stream, and starts over after a restart', () => {
    const partial = nextAnnouncement('One. Two', 0, false);
    expect(nextAnnouncement('One. Two', partial.upTo, true).text).toBe('Two');
    expect(nextAnnouncement('New. ', 40, false)).toEqual({ text: 'New.', upTo: 4 });
  });

  it('treats a line break as an end', () => {
    expect(nextAnnouncement('Hello Ana,\nThanks', 0, false).text).toBe('Hello Ana,');
  });
});
