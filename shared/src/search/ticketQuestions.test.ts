import { describe, expect, it } from 'vitest';
import { askedSentences, ticketQuestions } from './ticketQuestions.js';

describe('ticketQuestions', () => {
  it('splits a ticket into the questions it asks, leaving out greetings and sign-offs', () => {
    const ticket =
      'Hi there,\nI opened a savings account last month. How much is the monthly fee? Also, can I get paper statements?\nThanks a lot,\nSam';
    expect(ticketQuestions(ticket)).toEqual(['How much is the monthly fee?', 'Also, can I get paper statements?']);
  });

  it('splits a run-on question at "and how" / "and what"', () => {
    expect(ticketQuestions("what's the monthly fee, and how do I avoid it?")).toEqual(["what's the monthly fee", 'how do I avoid it?']);
  });

  it('finds questions in the other ticket languages', () => {
    expect(ticketQuestions('Hola. ¿Cuánto cuesta cerrar la cuenta? ¿Y cuánto tarda el cierre?')).toHaveLength(2);
    expect(ticketQuestions('Hallo, wie hoch ist die Gebühr? Kann ich die Karte sperren?')).toHaveLength(2);
  });

  it('returns nothing for a ticket that asks one thing: the whole ticket is the query', () => {
    expect(ticketQuestions('My card was declined at the store today. Why did that happen?')).toEqual([]);
    expect(askedSentences('My card was declined at the store today. Why did that happen?')).toEqual(['Why did that happen?']);
  });

  it('keeps at most four questions', () => {
    const many = 'How do I pay? How do I close it? How do I open one? How do I block it? How do I unblock it?';
    expect(ticketQuestions(many)).toHaveLength(4);
  });
});
