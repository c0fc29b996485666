/**
 * The adapter fixtures as test cases: every `fixtures/<site>/<layout>.html` with the reading it
 * must give, `<layout>.expected.json` beside it, checked against a zod schema so a typo in an
 * expected file fails loudly instead of silently expecting nothing. Test-only (reads the disk, uses
 * zod); no content script imports it. `TANDEM_FIXTURES` limits a run: a comma-separated list of
 * sites (`gmail`), exact fixtures (`zendesk/agent-workspace-tabs`) or prefixes (`salesforce/classic*`).
 */
// eslint-disable-next-line no-restricted-imports -- test support: the fixtures are read from disk
import { readdirSync, readFileSync } from 'node:fs';
// eslint-disable-next-line no-restricted-imports -- test support: the fixtures are read from disk
import path from 'node:path';
import { MESSAGE_AUTHOR_ROLES, NO_TICKET_REASONS, TICKET_STATUSES } from '@tandem/shared';
import { parseHTML } from 'linkedom';
import { z } from 'zod';

const expectedMessageSchema = z.strictObject({
  authorRole: z.enum(MESSAGE_AUTHOR_ROLES),
  authorName: z.string().min(1).optional(),
  authorEmail: z.string().min(1).optional(),
  partial: z.boolean().optional(),
  body: z.string(),
});

const expectedTicketSchema = z.strictObject({
  kind: z.literal('ticket'),
  ticketId: z.string().min(1),
  subject: z.string(),
  requester: z.strictObject({ name: z.string().min(1).optional(), email: z.string().min(1).optional() }),
  status: z.enum(TICKET_STATUSES).optional(),
  tags: z.array(z.string()).optional(),
  messages: z.array(expectedMessageSchema),
});

export const fixtureExpectationSchema = z.strictObject({
  url: z.url(),
  description: z.string().min(1),
  expected: z.discriminatedUnion('kind', [
    expectedTicketSchema,
    z.strictObject({ kind: z.literal('no-ticket'), reason: z.enum(NO_TICKET_REASONS) }),
  ]),
});

export type ExpectedReading = z.infer<typeof fixtureExpectationSchema>['expected'];
export type ExpectedTicket = z.infer<typeof expectedTicketSchema>;
export type ExpectedMessage = z.infer<typeof expectedMessageSchema>;

export interface FixtureCase {
  /** `<site>/<layout>`, e.g. `gmail/older-layout-search`. */
  key: string;
  /** The folder the fixture sits in; the accuracy table groups by it. */
  site: string;
  html: string;
  url: string;
  description: string;
  expected: ExpectedReading;
}

export const FIXTURES_DIR = path.resolve(import.meta.dirname, '..', 'fixtures');

function selectedByEnvironment(key: string): boolean {
  const filter = process.env.TANDEM_FIXTURES?.trim();
  if (filter === undefined || filter === '') return true;
  return filter
    .split(',')
    .map((entry) => entry.trim())
    .some((entry) => {
      if (entry.endsWith('*')) return key.startsWith(entry.slice(0, -1));
      return entry.includes('/') ? key === entry : key.startsWith(`${entry}/`);
    });
}

/** Every fixture page and expected file, paired; a page without its expected file (or the reverse) is an error. */
export function loadFixtureCases(dir: string = FIXTURES_DIR): FixtureCase[] {
  const cases: FixtureCase[] = [];
  const problems: string[] = [];
  for (const site of readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
    const files = readdirSync(path.join(dir, site.name));
    const layouts = new Set(files.filter((file) => file.endsWith('.html')).map((file) => file.slice(0, -'.html'.length)));
    for (const file of files.filter((name) => name.endsWith('.expected.json'))) {
      const layout = file.slice(0, -'.expected.json'.length);
      if (!layouts.has(layout)) problems.push(`${site.name}/${file} has no ${layout}.html beside it`);
    }
    for (const layout of [...layouts].sort()) {
      const key = `${site.name}/${layout}`;
      if (!selectedByEnvironment(key)) continue;
      let raw: unknown;
      try {
        raw = JSON.parse(readFileSync(path.join(dir, site.name, `${layout}.expected.json`), 'utf8'));
      } catch (error) {
        problems.push(`${key}.expected.json is missing or not JSON: ${error instanceof Error ? error.message : String(error)}`);
        continue;
      }
      const parsed = fixtureExpectationSchema.safeParse(raw);
      if (!parsed.success) {
        problems.push(`${key}.expected.json: ${z.prettifyError(parsed.error)}`);
        continue;
      }
      const html = readFileSync(path.join(dir, site.name, `${layout}.html`), 'utf8');
      cases.push({ key, site: site.name, html, ...parsed.data });
    }
  }
  if (problems.length > 0) throw new Error(`Broken adapter fixtures:\n${problems.join('\n')}`);
  return cases;
}

/** A page parsed by linkedom, the DOM `tandem-extract` reads saved pages with (fast enough for hundreds of pages). */
export function linkedomDocument(html: string): Document {
  // linkedom implements the DOM members the adapters use, not all of lib.dom's Document type.
  return parseHTML(html).document as unknown as Document;
}
