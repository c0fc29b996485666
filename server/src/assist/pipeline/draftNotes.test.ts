// The agent is told what the guard changed and when the model saw a shortened message.
import { describe, expect, it } from 'vitest';
import { guardNote, shortenedNote } from './draftNotes.js';

describe('draft notes', () => {
  it('says nothing when the guard changed nothing', () => {
    expect(guardNote({ html: 0, links: 0, secrets: 0, promptEcho: 0, claims: 0 })).toBeUndefined();
  });

  it('names every kind of change with its count, claims first', () => {
    expect(guardNote({ html: 2, links: 1, secrets: 0, promptEcho: 0, claims: 1 })).toBe(
      'The output guard marked 1 claim that an action was done (nothing runs until you confirm it); removed 1 link to a site that is not one of your sources or allowed domains; removed 2 HTML tags. Review the draft before sending it.',
    );
  });

  it('says how many messages were shortened and at what length', () => {
    expect(shortenedNote(0, 4000)).toBeUndefined();
    expect(shortenedNote(1, 4000)).toMatch(/^The customer's message was longer than 4,000 characters and shortened/);
    expect(shortenedNote(3, 4000)).toMatch(/^3 messages were longer/);
  });
});
