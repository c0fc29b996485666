/**
 * The on-demand reader for any helpdesk Tandem has no adapter for: the agent's selected text, or
 * else the page's main content, becomes one customer message. It guesses no structure (author,
 * thread, status); the ticket id is the page's address and the subject its title.
 */
import { TICKET_LIMITS } from '@tandem/shared/ticket-reading';
import type { TicketReadResult } from '@tandem/shared/ticket-reading';
import { clampText, inertCopy, readableText, singleLineText } from './domText';
import { notATicketPage, ticketReadFrom } from './siteAdapter';
import { optionalPageUrl, optionalText } from './ticketFields';

/** Where a page keeps its content, most specific first; `body` is the last resort. */
const CONTENT_ROOTS = ['main', '[role="main"]', 'article'] as const;
/** Chrome around the content that is never part of the customer's message. */
const DROPPED = 'script, style, noscript, template, nav, [role="navigation"], [hidden], [aria-hidden="true"]';
const ID_MAX = 200;

function parseWebUrl(url: string): URL | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** Host and path (plus a `#/` client-side route), so each ticket page of a helpdesk has its own id. */
function ticketIdFrom(url: URL): string {
  const path = url.pathname.replace(/\/+$/, '');
  const route = /^#!?\//.test(url.hash) ? url.hash : '';
  return `${url.hostname}${path}${route}`.slice(0, ID_MAX);
}

/**
 * The rendered text of `root` without navigation. The copy lives in an inert document (no
 * browsing context), so copying a hostile `<img onerror>` or `<script>` neither loads nor runs it.
 */
function contentText(root: Element): string {
  const copy = inertCopy(root);
  for (const dropped of Array.from(copy.querySelectorAll(DROPPED))) dropped.remove();
  return readableText(copy);
}

function mainContentText(doc: Document): string {
  for (const selector of CONTENT_ROOTS) {
    for (const root of Array.from(doc.querySelectorAll(selector))) {
      const text = contentText(root);
      if (text !== '') return text;
    }
  }
  return doc.body === null ? '' : contentText(doc.body);
}

/** A selection is already plain text: only its line endings and blank lines are tidied. */
function selectionText(selection: string): string {
  return selection
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function subjectOf(doc: Document): string {
  const title = optionalText(doc.title.replace(/\s+/g, ' '), TICKET_LIMITS.subjectChars);
  if (title !== undefined) return clampText(title, TICKET_LIMITS.subjectChars);
  const heading = doc.querySelector('h1, h2, h3');
  return heading === null ? '' : clampText(singleLineText(heading), TICKET_LIMITS.subjectChars);
}

export function readGenericPage(doc: Document, url: string, selection?: string): TicketReadResult {
  const parsed = parseWebUrl(url);
  if (parsed === undefined) return notATicketPage('Only web pages (http or https) can be read');

  const selected = selection === undefined ? '' : selectionText(selection);
  const body = selected !== '' ? selected : mainContentText(doc);
  if (body === '') return notATicketPage('There is no text on this page to read');

  const pageUrl = optionalPageUrl(url);
  return ticketReadFrom({
    site: 'generic',
    ticketId: ticketIdFrom(parsed),
    subject: subjectOf(doc),
    requester: {},
    messages: [{ authorRole: 'customer', body: clampText(body, TICKET_LIMITS.bodyChars) }],
    ...(pageUrl === undefined ? {} : { url: pageUrl }),
  });
}
