/**
 * The zod-free field readers against the shared schema they stand in for: whatever they keep must
 * pass the background's validation (they may be stricter, never looser), and bad values are dropped.
 */
import { ticketMessageSchema, ticketContextSchema } from '@tandem/shared';
import { describe, expect, it } from 'vitest';
import { authorRoleFromLabel, optionalDateTime, optionalEmail, optionalPageUrl, ticketStatusFromLabel } from './ticketFields';

const EMAILS = [
  'ana@example.com',
  'ana.okafor@example.net',
  "o'neil@example.ie",
  'first+tag@sub.example.co.uk',
  'Priya@lumenbikes.test',
  'a_b-c@x-y.io',
  '.ana@example.com',
  'ana.@example.com',
  'ana..b@example.com',
  "ana'@example.com",
  'ana@example',
  'ana@-example.com',
  'ana@example.c',
  'ana example@example.com',
  'ana@exa mple.com',
  '<ana@example.com>',
  'mailto:ana@example.com',
  'anna@例え.jp',
  '',
];

const DATE_TIMES = [
  '2026-11-20T10:00:00Z',
  '2026-11-20T10:00:00.123Z',
  '2026-04-11T07:30:00+02:00',
  '2028-02-29T00:00:00Z',
  '2026-02-29T00:00:00Z',
  '2026-04-31T00:00:00Z',
  '2026-13-01T00:00:00Z',
  '2026-11-20T24:00:00Z',
  '2026-11-20T10:00Z',
  '2026-11-20T10:00:00',
  '2026-11-20 10:00:00Z',
  'Nov 20, 2026',
  'sometime last week',
];

function zodEmail(value: string): boolean {
  return ticketContextSchema.shape.requester.shape.email.safeParse(value).success;
}

function zodDateTime(value: string): boolean {
  return ticketMessageSchema.shape.sentAt.safeParse(value).success;
}

describe('optionalEmail', () => {
  it.each(EMAILS)('keeps %j only if the shared schema accepts it', (value) => {
    const kept = optionalEmail(value);
    if (kept !== undefined) expect(zodEmail(kept)).toBe(true);
  });

  it('keeps ordinary addresses, trimmed, and drops broken ones', () => {
    expect(optionalEmail('  ana.okafor@example.net ')).toBe('ana.okafor@example.net');
    expect(optionalEmail("o'neil@example.ie")).toBe("o'neil@example.ie");
    expect(optionalEmail('ana..b@example.com')).toBeUndefined();
    expect(optionalEmail('<ana@example.com>')).toBeUndefined();
    expect(optionalEmail(null)).toBeUndefined();
    expect(optionalEmail(`${'a'.repeat(320)}@example.com`)).toBeUndefined();
  });
});

describe('optionalDateTime', () => {
  it.each(DATE_TIMES)('keeps %j only if the shared schema accepts it', (value) => {
    const kept = optionalDateTime(value);
    if (kept !== undefined) expect(zodDateTime(kept)).toBe(true);
  });

  it('keeps real instants with a zone and drops impossible days', () => {
    expect(optionalDateTime('2026-04-11T07:30:00+02:00')).toBe('2026-04-11T07:30:00+02:00');
    expect(optionalDateTime('2028-02-29T00:00:00Z')).toBe('2028-02-29T00:00:00Z');
    expect(optionalDateTime('2026-02-29T00:00:00Z')).toBeUndefined();
    expect(optionalDateTime('2026-11-20T10:00:00')).toBeUndefined();
  });
});

describe('optionalPageUrl', () => {
  it('keeps web pages only', () => {
    expect(optionalPageUrl('https://acme.zendesk.com/agent/tickets/1')).toBe('https://acme.zendesk.com/agent/tickets/1');
    expect(optionalPageUrl('http://127.0.0.1:4173/t/1')).toBe('http://127.0.0.1:4173/t/1');
    expect(optionalPageUrl('javascript:alert(1)')).toBeUndefined();
    expect(optionalPageUrl('file:///tmp/page.html')).toBeUndefined();
    expect(optionalPageUrl('not a url')).toBeUndefined();
    expect(optionalPageUrl(`https://example.com/${'a'.repeat(2048)}`)).toBeUndefined();
  });
});

describe('labels', () => {
  it('maps status labels onto the shared statuses', () => {
    expect(ticketStatusFromLabel(' On hold ')).toBe('on-hold');
    expect(ticketStatusFromLabel('SOLVED')).toBe('solved');
    expect(ticketStatusFromLabel('Escalated')).toBe('unknown');
  });

  it("reads a stated role, and anything else as 'unknown'", () => {
    expect(authorRoleFromLabel('Customer')).toBe('customer');
    expect(authorRoleFromLabel('internal')).toBe('internal');
    expect(authorRoleFromLabel('system')).toBe('unknown');
    expect(authorRoleFromLabel(undefined)).toBe('unknown');
  });
});
