/**
 * Site adapter for Tandem's local fixture helpdesk (the page the e2e tests serve): recognises its
 * ticket layout and reads it into a TicketContext. Also the reference for real site adapters.
 */
import { TICKET_LIMITS } from '@tandem/shared/ticket-reading';
import type { TicketContextInput, TicketMessageInput, TicketReadResult } from '@tandem/shared/ticket-reading';
import { clampText, readableText, singleLineText } from './domText';
import { notATicketPage, ticketReadFrom, unreadableLayout, type SiteAdapter, type TicketPageReader } from './siteAdapter';
import { cleanPersonName } from './personNames';
import { fixtureSite } from './sites/fixture';
import { authorRoleFromLabel, optionalDateTime, optionalEmail, optionalPageUrl, optionalText, ticketStatusFromLabel } from './ticketFields';

const ROOT_SELECTOR = '[data-tandem-fixture="ticket"]';
const NAME_MAX = 200;
const TAG_MAX = 100;

function readMessage(article: Element): TicketMessageInput {
  const body = article.querySelector('.body');
  const id = optionalText(article.getAttribute('data-message-id'), 200);
  const authorName = optionalText(article.getAttribute('data-author'), NAME_MAX);
  const authorEmail = optionalEmail(article.getAttribute('data-email'));
  const sentAt = optionalDateTime(article.querySelector('time')?.getAttribute('datetime'));
  return {
    authorRole: authorRoleFromLabel(article.getAttribute('data-role')),
    body: clampText(body === null ? '' : readableText(body), TICKET_LIMITS.bodyChars),
    ...(id === undefined ? {} : { id }),
    ...(authorName === undefined ? {} : { authorName }),
    ...(authorEmail === undefined ? {} : { authorEmail }),
    ...(sentAt === undefined ? {} : { sentAt }),
  };
}

function readRequester(root: Element): TicketContextInput['requester'] {
  const requester = root.querySelector('.requester');
  if (requester === null) return {};
  // The data attribute is the clean value; the visible text is the fallback a redesign leaves.
  const name = optionalText(requester.getAttribute('data-name') ?? cleanPersonName(singleLineText(requester)), NAME_MAX);
  const email = optionalEmail(requester.getAttribute('data-email'));
  return { ...(name === undefined ? {} : { name }), ...(email === undefined ? {} : { email }) };
}

function readTags(root: Element): string[] {
  const tags = Array.from(root.querySelectorAll('.tags li'), (item) => clampText(singleLineText(item), TAG_MAX));
  return [...new Set(tags.filter((tag) => tag !== ''))].slice(0, TICKET_LIMITS.tags);
}

export const readFixtureTicket: TicketPageReader = (doc: Document, url: string): TicketReadResult => {
  const root = doc.querySelector(ROOT_SELECTOR);
  if (root === null) return notATicketPage(`No ${ROOT_SELECTOR} element on this page`);

  const ticketId = optionalText(root.getAttribute('data-ticket-id'), 200);
  if (ticketId === undefined) return unreadableLayout('The ticket root has no data-ticket-id');
  const subject = root.querySelector('.ticket-subject');
  if (subject === null) return unreadableLayout('The ticket has no .ticket-subject element');

  // The newest messages matter most to a reply, so an overlong thread keeps its tail.
  const messages = Array.from(root.querySelectorAll('article.message'), readMessage).slice(-TICKET_LIMITS.messages);
  const language = optionalText(root.getAttribute('data-language'), 35);
  const pageUrl = optionalPageUrl(url);

  return ticketReadFrom({
    site: 'fixture',
    ticketId,
    subject: clampText(singleLineText(subject), TICKET_LIMITS.subjectChars),
    requester: readRequester(root),
    messages,
    tags: readTags(root),
    status: ticketStatusFromLabel(root.querySelector('.status')?.textContent),
    ...(language === undefined ? {} : { language }),
    ...(pageUrl === undefined ? {} : { url: pageUrl }),
  });
};

/** The fixture ticket's reply box: its `.composer` (a contenteditable element or a textarea). */
export function findFixtureComposer(doc: Document): HTMLElement | null {
  return doc.querySelector<HTMLElement>(`${ROOT_SELECTOR} .composer`);
}

export const fixtureAdapter: SiteAdapter<'fixture'> = {
  ...fixtureSite,
  signature: '[data-tandem-fixture]',
  read: readFixtureTicket,
  findComposer: findFixtureComposer,
};
