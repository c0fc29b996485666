/**
 * How a reading is held against a fixture's expected reading, field by field: the accuracy table
 * counts each field, the mutation test needs all of them right (or a refusal). Bodies are compared
 * with whitespace collapsed; a message's author name and e-mail only where the fixture states them;
 * the requester, roles, partial flags and count always.
 */
import type { TicketMessage, TicketReadResult } from '@tandem/shared';
import type { ExpectedMessage, ExpectedReading } from './fixtureCases';

/** The fields the accuracy table reports, in its column order. */
export const FIELDS = [
  'outcome',
  'ticket id',
  'subject',
  'requester name',
  'requester e-mail',
  'status',
  'tags',
  'message count',
  'roles',
  'internal notes',
  'partial flags',
  'authors',
  'bodies',
  'latest customer message',
] as const;
export type Field = (typeof FIELDS)[number];

/** One checked field of one reading: how many of its items were right, of how many. */
export interface FieldScore {
  right: number;
  total: number;
}

export type ReadingScores = Partial<Record<Field, FieldScore>>;

export function collapsed(text: string | undefined): string | undefined {
  return text?.replace(/\s+/g, ' ').trim();
}

function one(right: boolean): FieldScore {
  return { right: right ? 1 : 0, total: 1 };
}

/** Index-aligned items; a missing or extra message counts as wrong. */
function perMessage(
  expected: readonly ExpectedMessage[],
  actual: readonly TicketMessage[],
  same: (want: ExpectedMessage, got: TicketMessage | undefined) => boolean | undefined,
): FieldScore {
  let right = 0;
  let total = 0;
  for (const [index, want] of expected.entries()) {
    const verdict = same(want, actual[index]);
    if (verdict === undefined) continue;
    total += 1;
    if (verdict) right += 1;
  }
  const extra = Math.max(0, actual.length - expected.length);
  return { right, total: total + extra };
}

function latestCustomerBody(messages: readonly { authorRole: string; body: string }[]): string | undefined {
  return collapsed(messages.findLast((message) => message.authorRole === 'customer')?.body);
}

/** Per-field scores of `actual` against `expected`. */
export function scoreReading(expected: ExpectedReading, actual: TicketReadResult): ReadingScores {
  if (expected.kind === 'no-ticket') {
    return { outcome: one(actual.kind === 'no-ticket' && actual.reason === expected.reason) };
  }
  if (actual.kind !== 'ticket') {
    // Every field of a ticket that was not read is wrong.
    const zero = (total: number): FieldScore => ({ right: 0, total });
    const messages = expected.messages.length;
    return {
      outcome: zero(1),
      'ticket id': zero(1),
      subject: zero(1),
      'requester name': zero(1),
      'requester e-mail': zero(1),
      'message count': zero(1),
      roles: zero(messages),
      'internal notes': zero(messages),
      'partial flags': zero(messages),
      bodies: zero(messages),
      'latest customer message': zero(1),
    };
  }
  const { ticket } = actual;
  const scores: ReadingScores = {
    outcome: one(true),
    'ticket id': one(ticket.ticketId === expected.ticketId),
    subject: one(collapsed(ticket.subject) === collapsed(expected.subject)),
    'requester name': one(ticket.requester.name === expected.requester.name),
    'requester e-mail': one(ticket.requester.email?.toLowerCase() === expected.requester.email?.toLowerCase()),
    'message count': one(ticket.messages.length === expected.messages.length),
    roles: perMessage(expected.messages, ticket.messages, (want, got) => want.authorRole === got?.authorRole),
    'internal notes': perMessage(
      expected.messages,
      ticket.messages,
      (want, got) => got !== undefined && (want.authorRole === 'internal') === (got.authorRole === 'internal'),
    ),
    'partial flags': perMessage(
      expected.messages,
      ticket.messages,
      (want, got) => got !== undefined && (want.partial ?? false) === got.partial,
    ),
    authors: perMessage(expected.messages, ticket.messages, (want, got) => {
      if (want.authorName === undefined && want.authorEmail === undefined) return undefined;
      const name = want.authorName === undefined || got?.authorName === want.authorName;
      const email = want.authorEmail === undefined || got?.authorEmail?.toLowerCase() === want.authorEmail.toLowerCase();
      return got !== undefined && name && email;
    }),
    bodies: perMessage(expected.messages, ticket.messages, (want, got) => collapsed(want.body) === collapsed(got?.body)),
    'latest customer message': one(latestCustomerBody(ticket.messages) === latestCustomerBody(expected.messages)),
  };
  if (expected.status !== undefined) scores.status = one(ticket.status === expected.status);
  if (expected.tags !== undefined) scores.tags = one(JSON.stringify(ticket.tags) === JSON.stringify(expected.tags));
  return scores;
}

/** Whether every checked field is right. */
export function allRight(scores: ReadingScores): boolean {
  return Object.values(scores).every((score) => score.right === score.total);
}

/** The fields that were wrong, for a failure message. */
export function wrongFields(scores: ReadingScores): Field[] {
  return FIELDS.filter((field) => {
    const score = scores[field];
    return score !== undefined && score.right !== score.total;
  });
}
