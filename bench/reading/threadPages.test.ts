/**
 * The reading benchmark's generated threads read as they were built to (every kept message's
 * role, author, address and body), over linkedom as `tandem-extract` reads, so a page left behind
 * by an adapter change fails here before it is timed. Small threads for speed, and the full 300
 * once per site for the kept-newest cut.
 */
import { describe, expect, it } from 'vitest';
import { linkedomDocument } from '../../extension/src/adapters/fixtureHarness/fixtureCases.js';
import { SITE_REGISTRY } from '../../extension/src/adapters/siteRegistry.js';
import { readingProblems, roleSummary } from './threadCheck.js';
import { THREAD_MESSAGES, threadPages } from './threadPages.js';

describe('generated thread pages', () => {
  it.each(threadPages(20).map((page) => [page.site, page] as const))('%s: a short thread reads with the right roles', (_site, page) => {
    const reading = SITE_REGISTRY[page.site].read(linkedomDocument(page.html), page.url);

    expect(readingProblems(page.expected, reading)).toEqual([]);
    expect(page.expected.messages).toHaveLength(20);
  });

  it.each(threadPages().map((page) => [page.site, page] as const))(
    `%s: a ${THREAD_MESSAGES}-message thread keeps the newest 200, with the right roles`,
    (site, page) => {
      const reading = SITE_REGISTRY[page.site].read(linkedomDocument(page.html), page.url);

      expect(readingProblems(page.expected, reading)).toEqual([]);
      // Mail has two sides; the helpdesks add an internal note every tenth message.
      expect(roleSummary(reading)).toBe(site === 'gmail' ? '100 customer, 100 agent' : '100 customer, 80 agent, 20 internal');
    },
  );

  it('catches a wrong reading: roles swapped, a message lost', () => {
    const [page] = threadPages(4);
    if (page === undefined) throw new Error('no page');
    const reading = SITE_REGISTRY[page.site].read(linkedomDocument(page.html), page.url);
    if (reading.kind !== 'ticket') throw new Error('no ticket');
    const swapped = reading.ticket.messages.map((message) => ({
      ...message,
      authorRole: message.authorRole === 'customer' ? ('agent' as const) : ('customer' as const),
    }));

    expect(readingProblems(page.expected, { kind: 'ticket', ticket: { ...reading.ticket, messages: swapped } })).toContain(
      'message 0 role: "agent", wanted "customer"',
    );
    expect(readingProblems(page.expected, { kind: 'ticket', ticket: { ...reading.ticket, messages: swapped.slice(1) } })[0]).toBe(
      'message count: 3, wanted 4',
    );
  });
});
