/**
 * `tandem-extract`: reads a saved helpdesk page with the extension's own site adapters, in Node
 * over linkedom, and prints what the content script would report: the TicketContext (exit 0) or
 * the typed no-ticket result (exit 2). For checking an adapter against a real page someone saved,
 * without a browser. `--site auto` picks the adapter the way the loopback content script does.
 * The ticket is validated with the shared schema before it is printed, as the background does
 * (adapters run without zod): one that fails is printed as an unreadable layout. Every message
 * carries `authorRole` (customer | agent | internal | unknown), and `partial: true` when only a
 * snippet of it was on the page.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ticketContextSchema, type TicketContext, type TicketReadResult } from '@tandem/shared';
import { parseHTML } from 'linkedom';
import { z } from 'zod';
import { HELPDESK_SITES, type HelpdeskSite } from '../adapters/siteHosts';
import { readTicketAuto, SITE_REGISTRY } from '../adapters/siteRegistry';

export const USAGE = 'usage: tandem-extract --site gmail|zendesk|salesforce|auto [--url <page-url>] <page.html>';

/** sysexits.h: a usage error, an input file that cannot be read. */
export const EXIT = { ticket: 0, failure: 1, noTicket: 2, usage: 64, noInput: 66 } as const;

export interface ExtractIo {
  readFile: (file: string) => Promise<string>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const nodeIo: ExtractIo = {
  readFile: (file) => readFile(file, 'utf8'),
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
};

type Site = HelpdeskSite | 'auto';
type Args = { kind: 'run'; site: Site; file: string; url?: string } | { kind: 'help' } | { kind: 'usage-error'; problem: string };

function isSite(value: string): value is Site {
  return value === 'auto' || (HELPDESK_SITES as readonly string[]).includes(value);
}

export function parseArgs(argv: readonly string[]): Args {
  let site: string | undefined;
  let url: string | undefined;
  const files: string[] = [];
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] ?? '';
    if (arg === '-h' || arg === '--help') return { kind: 'help' };
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg];
    if (flag === '--site' || flag === '--url') {
      const value = inline ?? argv[(index += 1)];
      if (value === undefined || value === '') return { kind: 'usage-error', problem: `${flag} needs a value` };
      if (flag === '--site') site = value;
      else url = value;
    } else if (arg.startsWith('-') && arg !== '-') {
      return { kind: 'usage-error', problem: `unknown option ${arg}` };
    } else {
      files.push(arg);
    }
  }
  if (site === undefined) return { kind: 'usage-error', problem: '--site is required' };
  if (!isSite(site)) return { kind: 'usage-error', problem: `unknown site ${site}` };
  const [file, ...extra] = files;
  if (file === undefined) return { kind: 'usage-error', problem: 'no page given' };
  if (extra.length > 0) return { kind: 'usage-error', problem: 'give one page' };
  if (url !== undefined && !URL.canParse(url)) return { kind: 'usage-error', problem: `--url ${url} is not a URL` };
  return { kind: 'run', site, file, ...(url === undefined ? {} : { url }) };
}

/** A reading whose ticket the shared schema validated (defaults applied), or the unreadable layout it really was. */
export function validatedReading(reading: TicketReadResult): TicketReadResult {
  if (reading.kind !== 'ticket') return reading;
  const parsed = ticketContextSchema.safeParse(reading.ticket);
  if (parsed.success) return { kind: 'ticket', ticket: parsed.data };
  return { kind: 'no-ticket', reason: 'unreadable-layout', detail: `The ticket did not validate: ${z.prettifyError(parsed.error)}` };
}

/** What the adapters read from a saved page, validated as the background would. */
export function extractTicket(html: string, url: string, site: Site): TicketReadResult {
  // linkedom's document implements the parts of the DOM the adapters use (checked by the CLI's tests),
  // not every member of lib.dom's Document type.
  const doc = parseHTML(html).document as unknown as Document;
  // An explicit --site vouches for the page, as an admin's host mapping does: the host is not checked.
  return validatedReading(site === 'auto' ? readTicketAuto(doc, url) : SITE_REGISTRY[site].read(doc, url, { anyHost: true }));
}

/** The ticket as printed: `partial` appears on a message only when it is true, so a whole message reads as before. */
export function printableTicket(ticket: TicketContext): unknown {
  return {
    ...ticket,
    messages: ticket.messages.map(({ partial, ...message }) => (partial ? { ...message, partial } : message)),
  };
}

export async function main(argv: readonly string[], io: ExtractIo = nodeIo): Promise<number> {
  const args = parseArgs(argv);
  if (args.kind === 'help') {
    io.stdout(`${USAGE}\n`);
    return EXIT.ticket;
  }
  if (args.kind === 'usage-error') {
    io.stderr(`tandem-extract: ${args.problem}\n${USAGE}\n`);
    return EXIT.usage;
  }
  let html: string;
  try {
    html = await io.readFile(args.file);
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : error instanceof Error ? error.message : 'unreadable';
    io.stderr(`tandem-extract: cannot read ${args.file}: ${reason}\n`);
    return EXIT.noInput;
  }
  // Without --url, the page's own file: URL (no http address, so the ticket carries no url).
  const url = args.url ?? pathToFileURL(path.resolve(args.file)).href;
  const result = extractTicket(html, url, args.site);
  if (result.kind === 'ticket') {
    io.stdout(`${JSON.stringify(printableTicket(result.ticket), null, 2)}\n`);
    return EXIT.ticket;
  }
  io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  return EXIT.noTicket;
}
