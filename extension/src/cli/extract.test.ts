// @vitest-environment jsdom
/**
 * The tandem-extract bin, spawned as an agent would run it: every adapter fixture read in Node
 * over linkedom, with --site auto and with its own site, gives the same ticket as the adapter in
 * jsdom; a page with no ticket exits 2 with the typed result; bad usage exits 64; a missing file
 * says so.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { MESSAGE_AUTHOR_ROLES, type TicketContext } from '@tandem/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import gmailVariantHtml from '../adapters/fixtures/gmail/older-layout-search.html?raw';
import gmailHtml from '../adapters/fixtures/gmail/thread-with-collapsed-message.html?raw';
import salesforceClassicHtml from '../adapters/fixtures/salesforce/classic-description-only.html?raw';
import salesforceHtml from '../adapters/fixtures/salesforce/lightning-console.html?raw';
import zendeskVariantHtml from '../adapters/fixtures/zendesk/older-layout-input-subject.html?raw';
import zendeskHtml from '../adapters/fixtures/zendesk/two-tabs-assumed-hooks.html?raw';
import { SITE_REGISTRY } from '../adapters/siteRegistry';
import { parseArgs, printableTicket, validatedReading } from './extract';

const BIN = path.resolve(import.meta.dirname, '../../bin/tandem-extract.mjs');
const FIXTURES = path.resolve(import.meta.dirname, '../adapters/fixtures');
const NOT_A_TICKET = path.resolve(import.meta.dirname, '../../../e2e/fixtures/not-a-ticket.html');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function spawnBin(args: readonly string[]): Promise<Run> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args], { timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

/** Each run starts Node and tsx (a second or two): every case's runs start together, up front. */
const runs = new Map<string, Promise<Run>>();

function run(...args: string[]): Promise<Run> {
  const key = JSON.stringify(args);
  const started = runs.get(key) ?? spawnBin(args);
  runs.set(key, started);
  return started;
}

const PAGES = [
  ['gmail/thread-with-collapsed-message.html', 'gmail', gmailHtml, '190a1b2c3d4e5f60'],
  ['gmail/older-layout-search.html', 'gmail', gmailVariantHtml, '18c4f2a9b7d3e015'],
  ['zendesk/two-tabs-assumed-hooks.html', 'zendesk', zendeskHtml, '4821'],
  ['zendesk/older-layout-input-subject.html', 'zendesk', zendeskVariantHtml, undefined],
  ['salesforce/lightning-console.html', 'salesforce', salesforceHtml, '00001026'],
  ['salesforce/classic-description-only.html', 'salesforce', salesforceClassicHtml, '00001031'],
] as const;

// Fourteen Node processes on a busy CI machine: generous, so slowness never reads as failure.
describe('tandem-extract', { timeout: 120_000 }, () => {
  beforeAll(() => {
    for (const [name, site] of PAGES) {
      void run('--site', 'auto', path.join(FIXTURES, name));
      void run(`--site=${site}`, path.join(FIXTURES, name));
    }
  });

  it.each(PAGES)('prints the ticket of %s with --site auto and --site %s', async (name, site, html, ticketId) => {
    const file = path.join(FIXTURES, name);
    const expected = SITE_REGISTRY[site].read(new DOMParser().parseFromString(html, 'text/html'), pathToFileURL(file).href, {
      anyHost: true,
    });
    if (expected.kind !== 'ticket') throw new Error(`jsdom read no ticket from ${name}`);

    const [auto, explicit] = await Promise.all([run('--site', 'auto', file), run(`--site=${site}`, file)]);

    for (const result of [auto, explicit]) {
      expect(result).toMatchObject({ code: 0, stderr: '' });
      expect(JSON.parse(result.stdout)).toEqual(printableTicket(expected.ticket));
      // Pretty-printed, one value.
      expect(result.stdout).toMatch(/^\{\n {2}"site": /);
    }
    expect(expected.ticket.site).toBe(site);
    if (ticketId !== undefined) expect(expected.ticket.ticketId).toBe(ticketId);
  });

  it('gives every message its author role, and partial only where just a snippet was on the page', async () => {
    const result = await run('--site', 'auto', path.join(FIXTURES, 'gmail/thread-with-collapsed-message.html'));
    const printed = JSON.parse(result.stdout) as { messages: Record<string, unknown>[] };

    expect(printed.messages.map((message) => message.authorRole)).toEqual(['customer', 'customer', 'agent', 'customer']);
    expect(printed.messages.map((message) => message.partial)).toEqual([undefined, true, undefined, undefined]);
    expect(printed.messages.every((message) => MESSAGE_AUTHOR_ROLES.includes(message.authorRole as never))).toBe(true);
  });

  it('uses --url as the page address, so the ticket carries it and ids come from it', async () => {
    const url = 'https://tandem-test.zendesk.com/agent/tickets/4821';

    const result = await run('--site', 'auto', '--url', url, path.join(FIXTURES, 'zendesk/older-layout-input-subject.html'));

    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ site: 'zendesk', ticketId: '4821', url });
  });

  it('exits 2 with the typed no-ticket result for a page that is no ticket, or the wrong site', async () => {
    const [plain, wrongSite] = await Promise.all([
      run('--site', 'auto', NOT_A_TICKET),
      run('--site', 'gmail', path.join(FIXTURES, 'zendesk/two-tabs-assumed-hooks.html')),
    ]);

    expect(plain.code).toBe(2);
    expect(JSON.parse(plain.stdout)).toEqual({
      kind: 'no-ticket',
      reason: 'not-a-ticket-page',
      detail: 'No supported helpdesk layout on this page',
    });
    expect(wrongSite.code).toBe(2);
    expect(JSON.parse(wrongSite.stdout)).toMatchObject({ kind: 'no-ticket' });
  });

  it('says clearly that a file is missing', async () => {
    const result = await run('--site', 'auto', path.join(FIXTURES, 'no-such-page.html'));

    expect(result.code).toBe(66);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`tandem-extract: cannot read ${path.join(FIXTURES, 'no-such-page.html')}: no such file\n`);
  });

  it('exits 64 with the usage line on bad usage', async () => {
    const result = await run('--site', 'freshdesk', 'page.html');

    expect(result.code).toBe(64);
    expect(result.stderr).toBe(
      'tandem-extract: unknown site freshdesk\nusage: tandem-extract --site gmail|zendesk|salesforce|auto [--url <page-url>] <page.html>\n',
    );
  });
});

describe('validatedReading', () => {
  const ticket: TicketContext = {
    site: 'gmail',
    ticketId: 't-1',
    subject: 'Hello',
    requester: { name: 'Ana' },
    messages: [{ authorRole: 'customer', partial: false, body: 'Hi' }],
    tags: [],
    status: 'unknown',
  };

  it('passes a ticket the shared schema accepts', () => {
    expect(validatedReading({ kind: 'ticket', ticket })).toEqual({ kind: 'ticket', ticket });
  });

  it('prints a ticket the shared schema refuses as an unreadable layout, never as a ticket', () => {
    const broken = { ...ticket, requester: { email: 'not-an-address' } };

    expect(validatedReading({ kind: 'ticket', ticket: broken })).toMatchObject({
      kind: 'no-ticket',
      reason: 'unreadable-layout',
      detail: expect.stringMatching(/^The ticket did not validate/),
    });
  });
});

describe('printableTicket', () => {
  it('names partial only on a message that is partial', () => {
    const messages = [
      { authorRole: 'unknown' as const, partial: false, body: 'a' },
      { authorRole: 'customer' as const, partial: true, body: 'b' },
    ];
    const printed = printableTicket({ site: 'gmail', ticketId: 't', subject: '', requester: {}, messages, tags: [], status: 'unknown' });

    expect(printed).toMatchObject({
      messages: [
        { authorRole: 'unknown', body: 'a' },
        { authorRole: 'customer', partial: true, body: 'b' },
      ],
    });
    expect(JSON.stringify(printed)).not.toContain('"partial":false');
  });
});

describe('parseArgs', () => {
  it.each([
    [[], '--site is required'],
    [['page.html'], '--site is required'],
    [['--site'], '--site needs a value'],
    [['--site', 'auto'], 'no page given'],
    [['--site', 'auto', 'a.html', 'b.html'], 'give one page'],
    [['--site', 'auto', '--verbose', 'a.html'], 'unknown option --verbose'],
    [['--site', 'auto', '--url', 'not a url', 'a.html'], '--url not a url is not a URL'],
  ])('refuses %j', (argv, problem) => {
    expect(parseArgs(argv)).toEqual({ kind: 'usage-error', problem });
  });

  it('reads both flag spellings, and --help', () => {
    expect(parseArgs(['a.html', '--site=zendesk', '--url', 'https://x.zendesk.com/agent/tickets/1'])).toEqual({
      kind: 'run',
      site: 'zendesk',
      file: 'a.html',
      url: 'https://x.zendesk.com/agent/tickets/1',
    });
    expect(parseArgs(['--help'])).toEqual({ kind: 'help' });
  });
});
