/**
 * What the output guard costs a draft and how much it holds back: replies written by the embedded
 * drafter for the benchmark's tickets (our own tickets and help articles), streamed word by word
 * through the guard, next to the citation filter and PII restorer the stream already passed.
 */
import type { TicketContextInput } from '../../shared/src/index.js';
import { CitationFilter } from '../../server/src/assist/drafting/citationFilter.js';
import { EmbeddedDrafter } from '../../server/src/assist/drafting/embeddedDrafter.js';
import { OutputGuard } from '../../server/src/assist/drafting/guard/outputGuard.js';
import { createStreamingRestorer, PiiVault } from '../../server/src/security/redactPii.js';

export interface GuardFigures {
  guardMs: number[];
  /** The citation filter and the PII restorer on the same chunks. */
  peerMs: number[];
  /** The most characters the guard held back at any point of any reply. */
  maxHeld: number;
  replies: number;
}

function repliesFor(tickets: readonly TicketContextInput[], passages: readonly string[]): string[] {
  const drafter = new EmbeddedDrafter();
  return tickets.map((t, i) =>
    drafter.compose({
      language: 'en',
      customerName: 'Sam',
      subject: t.subject,
      conversation: t.messages.map((m) => ({ role: 'customer' as const, text: m.body })),
      passages: Array.from({ length: 5 }, (_, k) => ({
        n: k + 1,
        title: `Article ${k + 1}`,
        sectionPath: [],
        text: passages[(i * 5 + k) % passages.length] ?? '',
        url: 'https://help.example.com/a',
      })),
      liveFacts: [],
      tools: [],
      length: 'long',
    }),
  );
}

const words = (text: string): string[] => text.match(/\S+\s*/g) ?? [];

export function guardFigures(tickets: readonly TicketContextInput[], passages: readonly string[], systemPolicy: string): GuardFigures {
  const replies = repliesFor(tickets, passages);
  // One unmeasured pass, so pattern compilation and the JIT are not counted as the guard's cost.
  for (const reply of replies) {
    const warm = new OutputGuard({ sourceUrls: [], linkDomains: [], systemPolicy, liveFacts: [] });
    for (const chunk of words(reply)) warm.push(chunk);
    warm.flush();
  }
  const guardMs: number[] = [];
  const peerMs: number[] = [];
  let maxHeld = 0;
  for (const reply of replies) {
    const chunks = words(reply);
    const guard = new OutputGuard({ sourceUrls: ['https://help.example.com/a'], linkDomains: [], systemPolicy, liveFacts: [] });
    let started = performance.now();
    let shown = 0;
    let fed = 0;
    for (const chunk of chunks) {
      fed += chunk.length;
      shown += guard.push(chunk).length;
      maxHeld = Math.max(maxHeld, fed - shown);
    }
    guard.flush();
    guardMs.push(performance.now() - started);

    const citations = new CitationFilter(5);
    const restorer = createStreamingRestorer(new PiiVault());
    started = performance.now();
    for (const chunk of chunks) restorer.push(citations.push(chunk));
    restorer.push(citations.flush());
    restorer.flush();
    peerMs.push(performance.now() - started);
  }
  return { guardMs, peerMs, maxHeld, replies: replies.length };
}
