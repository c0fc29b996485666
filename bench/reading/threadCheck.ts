/**
 * Whether a reading of a generated thread page (threadPages.ts) is the reading the page was built
 * to give: the ticket, the requester, and every kept message's role, author, address and body.
 * Pure, so the same check runs on the read in Chromium (readingPage.ts) and over linkedom.
 */
import type { TicketReadResult } from '../../shared/src/ticketReading.js';
import type { ThreadExpectation } from './threadPages.js';

const collapsed = (text: string | undefined) => text?.replace(/\s+/g, ' ').trim();

/** What the reading got wrong, at most `limit` lines; empty when it is exactly right. */
export function readingProblems(expected: ThreadExpectation, result: TicketReadResult, limit = 5): string[] {
  if (result.kind !== 'ticket') return [`no ticket (${result.reason}: ${result.detail})`];
  const { ticket } = result;
  const problems: string[] = [];
  const check = (what: string, actual: unknown, wanted: unknown) => {
    if (actual !== wanted) problems.push(`${what}: ${JSON.stringify(actual)}, wanted ${JSON.stringify(wanted)}`);
  };
  check('ticket id', ticket.ticketId, expected.ticketId);
  check('subject', ticket.subject, expected.subject);
  check('requester name', ticket.requester.name, expected.requester.name);
  check('requester e-mail', ticket.requester.email?.toLowerCase(), expected.requester.email.toLowerCase());
  check('message count', ticket.messages.length, expected.messages.length);
  expected.messages.forEach((wanted, index) => {
    const actual = ticket.messages[index];
    if (actual === undefined) return;
    check(`message ${index} role`, actual.authorRole, wanted.role);
    check(`message ${index} author`, actual.authorName, wanted.name);
    if (wanted.email !== undefined) check(`message ${index} e-mail`, actual.authorEmail?.toLowerCase(), wanted.email.toLowerCase());
    check(`message ${index} partial`, actual.partial, false);
    check(`message ${index} body`, collapsed(actual.body), collapsed(wanted.body));
  });
  return problems.length > limit ? [...problems.slice(0, limit), `…and ${problems.length - limit} more`] : problems;
}

/** The roles a reading gave, counted: "100 customer, 80 agent, 20 internal". */
export function roleSummary(result: TicketReadResult): string {
  if (result.kind !== 'ticket') return `${result.reason}: ${result.detail}`;
  const counts = new Map<string, number>();
  for (const message of result.ticket.messages) counts.set(message.authorRole, (counts.get(message.authorRole) ?? 0) + 1);
  return [...counts].map(([role, count]) => `${count} ${role}`).join(', ');
}
