/**
 * Preparing a ticket query: language, the questions searched on their own, the cross-language
 * expansion of a non-English ticket, and the focused text a long ticket embeds.
 */
import { ChunkIndex } from '@tandem/shared/search';
import { describe, expect, it } from 'vitest';
import { queryToEmbed } from './queryEmbedding.js';
import { prepareTicketQuery } from './ticketQuery.js';

describe('prepareTicketQuery', () => {
  it('searches each question of an English ticket, each with the subject for context', async () => {
    const text = 'Evergreen fees\nHi, what is the monthly fee on the Evergreen account? And how much are paper statements?';
    const prepared = await prepareTicketQuery(new ChunkIndex(), undefined, text, undefined);
    expect(prepared.language).toBe('en');
    expect(prepared.query.foreign).toBe(false);
    expect(prepared.query.questions).toHaveLength(2);
    expect(prepared.query.questions[1]).toMatch(/^Evergreen fees\n.*paper statements/);
    expect(prepared.usedVector).toBe(false);
  });

  it('expands a Portuguese ticket with English support terms', async () => {
    const text = 'Meu cartão foi recusado na loja ontem e a taxa de saque no exterior foi cobrada duas vezes. O que aconteceu?';
    const prepared = await prepareTicketQuery(new ChunkIndex(), undefined, text, undefined);
    expect(prepared.language).toBe('pt');
    expect(prepared.query.foreign).toBe(true);
    const terms = prepared.query.expand?.(text) ?? [];
    expect(terms).toEqual(expect.arrayContaining(['card', 'declin', 'fee', 'withdraw', 'foreign']));
  });
});

describe('queryToEmbed', () => {
  it('keeps a short ticket whole and focuses a long one on its subject and questions', () => {
    expect(queryToEmbed('Where is my parcel?')).toBe('Where is my parcel?');
    const story = 'We moved house last spring and everything was chaotic for a while. '.repeat(12);
    const long = `Parcel missing\n${story}Where is my parcel? Can you send a new one?`;
    const focused = queryToEmbed(long);
    expect(focused.length).toBeLessThanOrEqual(400);
    expect(focused).toContain('Parcel missing');
    expect(focused).toContain('Where is my parcel?');
    expect(focused).not.toContain('chaotic');
  });
});
