/**
 * Site adapter for Zendesk's agent pages (https://<subdomain>.zendesk.com/agent/tickets/<n>): reads
 * the ticket the agent is looking at into a TicketContext and finds that ticket's reply composer.
 *
 * Which ticket: the URL names it, and each open ticket's markup carries its number
 * (`data-ticket-id`, `ticket-<n>-custom-layout`, `data-side-conversations-anchor-id`). Several tickets
 * stay mounted at once, so only the markup of that number is read and another tab's messages never
 * leak in. A page that names no number (a saved page, our oldest fixtures) falls back to the
 * active-tab marker; a page whose markers disagree is refused.
 *
 * Who wrote a message: identity first (authorRoles.ts). The requester comes from the ticket's own
 * requester field, cleaned of its label, avatar initials and badges (personNames.ts), with the
 * profile link of the ticket's context navigation; each comment's author from the sender's profile
 * link (`/agent/users/<id>`), name and address. An author who wrote an internal note is an agent
 * (only agents can). The agent badge and Zendesk's own message `type` only break ties; internal
 * notes come only from the note tag (or `type="internal"`). An author identity cannot place, such
 * as a CC'd colleague or a side conversation's third party, is 'unknown'.
 *
 * Two generations of markup: the agent workspace (an omni log of `article`s, 2021 onwards, hooked by
 * `data-test-id`) and the older Lotus interface (`.event[data-comment-id]`, newest first, hooked by
 * class names only). A Lotus page whose class hooks are gone is refused rather than half read.
 */
import { TICKET_LIMITS } from '@tandem/shared/ticket-reading';
import type { TicketContextInput, TicketMessageInput, TicketReadResult, TicketStatus } from '@tandem/shared/ticket-reading';
import { decideAuthorRole, type LayoutCues, type PersonIdentity, type RoleContext } from './authorRoles';
import { clampText, inertCopy, readableText, singleLineText } from './domText';
import { nameWords, parsePersonLabel, type PersonLabel } from './personNames';
import { notATicketPage, ticketReadFrom, unreadableLayout, type SiteAdapter, type TicketReadOptions } from './siteAdapter';
import { isOwnHost } from './siteHosts';
import { zendeskSite } from './sites/zendesk';
import { optionalDateTime, optionalEmail, optionalPageUrl, optionalText, ticketStatusFromLabel } from './ticketFields';

/**
 * Every hook the adapter reads, and why each fallback exists. The agent workspace is read through
 * Zendesk's own `data-test-id` / `data-garden-id` attributes, which survive its redesigns; class
 * names only for Lotus, which has no other hooks.
 */
const SELECTORS = {
  /** Markup that belongs to one ticket and names its number: the grid pane (2023), its test id, the conversation anchor (every generation). */
  ticketMarker: '[data-ticket-id], [data-test-id$="-custom-layout"], [data-side-conversations-anchor-id]',
  /** Pages that name no ticket number mark the shown tab instead: `data-is-active` panes, else the grid pane's `active` class. */
  activeTab: '[data-is-active="true"], .ticket-panes-grid-layout.active',
  /** Off zendesk.com the selected header tab names the ticket: its `data-entity-id`, else "#<n>" in its text. */
  selectedHeaderTab:
    '[data-test-id="header-tab"][aria-selected="true"], [data-test-id="header-tab"][data-is-active="true"], [role="tab"][data-selected="true"]',
  /**
   * Markup only Zendesk's ticket pages carry, for telling the site from the page alone (a loopback or
   * mapped host): the omni log, the subject's test ids, the side-conversation anchor. Lotus's plain
   * `input[name="subject"]` is left out: any web form may have one.
   */
  signature:
    '[data-test-id="omni-log-container"], [data-test-id="omni-header-subject"], [data-test-id="ticket-pane-subject"], [data-side-conversations-anchor-id]',
  /** The subject input: the workspace header's, the first workspace's `ticket-pane-subject`, Lotus's `name="subject"`. */
  subject: '[data-test-id="omni-header-subject"], [data-test-id="ticket-pane-subject"], input[name="subject"]',
  /** Earlier comments not loaded yet: the log shown is a tail, so its first message is not the ticket's first. */
  earlierNotLoaded: '[data-test-id="convolog-show-more-button"]',
  workspace: {
    log: '[data-test-id="omni-log-container"]',
    /** Each message is an article; the 2021 workspace's articles carry no test id, so the tag is the hook. */
    item: 'article',
    /**
     * The test ids of an article's parts, matched in one walk over each article (a selector query
     * per part and article walks the whole page each time in jsdom and linkedom): the sender line;
     * its profile link (else any `/agent/users/<id>` link inside the sender, as the 2021 workspace
     * has); the internal-note tag; the agent badge on the avatar; the message, whose `type` is
     * Zendesk's own classification of the author (`end-user`, `agent`, `internal`); the content
     * wrapper, which is the body (else the message is). A `time[datetime]` is the message's time.
     */
    partIds: {
      sender: 'omni-log-item-sender',
      userLink: 'omni-log-comment-user-link',
      noteTag: 'omni-log-internal-note-tag',
      agentBadge: 'omni-log-avatar-badge-AgentBadge',
      message: 'omni-log-item-message',
      content: 'omni-log-message-content',
    },
    /** Header parts that are not the message, removed when an article has neither content wrapper nor message. */
    header: '[data-test-id="omni-log-item-sender"], [data-test-id="omni-log-internal-note-tag"], [data-test-id="omni-log-item-via"], time',
    requesterField: '[data-test-id="ticket-system-field-requester-select"]',
    /** Inside the requester field, what is not the name: the avatar (its initials) and tags (badges such as "VIP"). */
    requesterDecor: 'figure, [data-garden-id^="avatars."], [data-garden-id^="tags."]',
    /** The ticket's context navigation links the requester's profile; its text is the requester's name. */
    requesterProfile: '[data-test-id="tabs-nav-item-users"]',
    /** Status: the header badge names it in its test id (any UI language); our first fixtures' assumed hooks hold it as text. */
    statusBadge: '[data-test-id^="status-badge-"]',
    statusText: '[data-test-id="ticket-status"], [data-test-id="ticket-fields-status-select"]',
    /** Tags: the tags field's selected items; our first fixtures' assumed `ticket-tag` items inside `ticket-tags`. */
    tag: '[data-test-id="ticket-system-field-tags-item-selected"], [data-test-id="ticket-tag"]',
    tagList: '[data-test-id="ticket-tags"]',
  },
  lotus: {
    /** The conversation of one ticket, also the Lotus page's signature. */
    conversation: '[data-side-conversations-anchor-id]',
    /** Each comment is an event carrying its comment id. */
    event: '[data-comment-id]',
    /** Public comments carry `is-public`; a private note is an event without it (there is no note class). */
    publicEvent: '.is-public',
    actor: '.actor a, .actor .name',
    /** Agents' avatars carry the `agent` class; end users' carry nothing. */
    agentAvatar: '.agent',
    body: '.zd-comment, .comment',
    requesterField: '.form_field.requester .zd-selectmenu-base-content',
    tagMenu: '.zd-tag-menu-root',
    tagItem: '.zd-tag-item',
  },
  /** A message's time, in every generation. */
  time: 'time[datetime]',
  /** The profile link of any user, in a header or comment (the workspace and Lotus both link `/agent/users/<id>`). */
  anyUserLink: 'a[href*="/agent/users/"]',
  /** Most specific first: the editable node itself, then the editor wrappers of the newer, older and Lotus layouts. */
  composers: [
    '[data-test-id^="omnicomposer-"][contenteditable="true"]',
    'div[data-test-id="ticket-rich-text-editor"]',
    'div[data-test-id="editor-view"]',
    '.zendesk-editor--rich-text-comment[contenteditable="true"]',
  ],
} as const;

const TICKET_PATH = /^\/agent\/tickets\/(\d{1,20})(?:[/?#]|$)/;
/** Off zendesk.com (a mapped proxy host, a saved page) the agent path may sit under a prefix. */
const TICKET_PATH_ANYWHERE = /\/agent\/tickets\/(\d{1,20})(?:[/?#]|$)/;
const HEADER_TAB_NUMBER = /#(\d{1,20})\b/;
const CUSTOM_LAYOUT_ID = /^ticket-(\d{1,20})-custom-layout$/;
const PROFILE_ID = /\/agent\/users\/(\d{1,20})(?:[/?#]|$)/;
const STATUS_BADGE_ID = /^status-badge-(.+)$/;
/** An e-mail-like token in running text (validated by optionalEmail afterwards). */
const EMAIL_IN_TEXT = /[^\s<>()[\]"',;:]+@[^\s<>()[\]"',;:]+/g;

type Requester = PersonIdentity;

/** One message as the page shows it, before its role is decided. */
interface SeenMessage {
  author: PersonIdentity;
  cues: LayoutCues;
  /** Zendesk types the author an end user (workspace only): never an agent, whatever else the page says. */
  endUser: boolean;
  body: string;
  sentAt?: string;
  id?: string;
}

/** What one layout reads off a ticket's markup, or why it could not. */
type Conversation =
  | {
      kind: 'read';
      requester: Requester;
      messages: SeenMessage[];
      tags: string[];
      status: TicketStatus;
      unknownAuthors: 'allowed' | 'refused';
    }
  | { kind: 'unreadable'; detail: string };

/** Where the ticket id comes from: the agent URL now, or (off zendesk.com) the page's selected tab. */
type UrlTicketId = { kind: 'id'; ticketId: string } | { kind: 'from-page'; page: URL } | { kind: 'not-zendesk'; reason: string };

type Located = { kind: 'found'; root: Element; ticketId: string } | { kind: 'refused'; detail: string };

// ---------------------------------------------------------------------------------------------
// Which ticket

function ticketIdFromUrl(url: string, options: TicketReadOptions | undefined): UrlTicketId {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: 'not-zendesk', reason: 'The page URL does not parse' };
  }
  if (options?.anyHost === true) {
    const number = TICKET_PATH_ANYWHERE.exec(parsed.pathname)?.[1];
    return number === undefined ? { kind: 'from-page', page: parsed } : { kind: 'id', ticketId: number };
  }
  const host = parsed.hostname.toLowerCase();
  if (parsed.protocol !== 'https:' || !isOwnHost(zendeskSite.hosts, host)) {
    return { kind: 'not-zendesk', reason: `${host || url} is not a Zendesk host` };
  }
  const ticketId = TICKET_PATH.exec(parsed.pathname)?.[1];
  if (ticketId === undefined) return { kind: 'not-zendesk', reason: `${parsed.pathname} is not an agent ticket page` };
  return { kind: 'id', ticketId };
}

/** The ticket number a piece of markup says it belongs to, if it names one. */
function markerTicketId(element: Element): string | undefined {
  const direct = element.getAttribute('data-ticket-id') ?? element.getAttribute('data-side-conversations-anchor-id');
  if (direct !== null && /^\d{1,20}$/.test(direct.trim())) return direct.trim();
  return CUSTOM_LAYOUT_ID.exec(element.getAttribute('data-test-id') ?? '')?.[1];
}

/**
 * All of one ticket's markup: from the first element naming its number, up to the widest ancestor
 * that holds no other ticket's markup. That takes in the ticket's header, conversation and side
 * panel (siblings in every generation) and stops before the next open tab.
 */
function ticketRootById(doc: Document, ticketId: string): Element | undefined {
  const markers = Array.from(doc.querySelectorAll(SELECTORS.ticketMarker)).map((marker) => ({ marker, id: markerTicketId(marker) }));
  const own = markers.find(({ id }) => id === ticketId)?.marker;
  if (own === undefined) return undefined;
  const others = markers.filter(({ id }) => id !== undefined && id !== ticketId).map(({ marker }) => marker);
  const holdsOther = (element: Element): boolean => others.some((other) => element.contains(other));
  let root: Element = own;
  while (root.parentElement !== null && !holdsOther(root.parentElement)) root = root.parentElement;
  return root;
}

/** Whether `tab` (or markup inside it) names a ticket other than `ticketId`. */
function namesOtherTicket(tab: Element, ticketId: string): boolean {
  return [tab, ...Array.from(tab.querySelectorAll(SELECTORS.ticketMarker))].some((marker) => {
    const id = markerTicketId(marker);
    return id !== undefined && id !== ticketId;
  });
}

/** Whether an element holds a ticket's content (its conversation log or subject). */
function holdsTicket(element: Element): boolean {
  return element.querySelector(SELECTORS.workspace.log) !== null || element.querySelector(SELECTORS.subject) !== null;
}

/** A candidate that spans several tabs (more than one log or subject inside) is not one tab. */
function spansOneTab(element: Element): boolean {
  return element.querySelectorAll(SELECTORS.workspace.log).length <= 1 && element.querySelectorAll(SELECTORS.subject).length <= 1;
}

type ActiveTab = { kind: 'tab'; tab: Element } | { kind: 'none' } | { kind: 'ambiguous'; count: number };

/**
 * The one tab marked active. Markers that hold no ticket (a nav item, a button) are ignored;
 * nested markers of the same tab count once (the outermost); two distinct tabs are ambiguous.
 */
function findActiveTab(doc: Document): ActiveTab {
  const candidates = Array.from(doc.querySelectorAll(SELECTORS.activeTab)).filter(
    (element) => holdsTicket(element) && spansOneTab(element),
  );
  const outermost = candidates.filter((element) => !candidates.some((other) => other !== element && other.contains(element)));
  const [tab] = outermost;
  if (tab === undefined) return { kind: 'none' };
  if (outermost.length > 1) return { kind: 'ambiguous', count: outermost.length };
  return { kind: 'tab', tab };
}

/** The ticket number the selected header tab shows: its entity id, else "#<n>" in its text. */
function selectedHeaderTabId(doc: Document): string | undefined {
  const tab = doc.querySelector(SELECTORS.selectedHeaderTab);
  if (tab === null) return undefined;
  const entity = tab.getAttribute('data-entity-id')?.trim();
  if (entity !== undefined && /^\d{1,20}$/.test(entity)) return entity;
  return HEADER_TAB_NUMBER.exec(singleLineText(tab))?.[1];
}

/**
 * A saved page's ticket id when nothing names a number: its address, plus which of several tabs
 * is active, so switching tabs never reuses one tab's id for another ticket.
 */
function addressTicketId(doc: Document, tab: Element, page: URL): string {
  const address = `${page.host}${page.pathname}`;
  const subjects = Array.from(doc.querySelectorAll(SELECTORS.subject));
  const activeSubject = tab.querySelector(SELECTORS.subject);
  const position = activeSubject === null ? -1 : subjects.indexOf(activeSubject);
  const id = subjects.length > 1 && position >= 0 ? `${address}#tab-${position + 1}` : address;
  return id.slice(-TICKET_LIMITS.idChars);
}

/**
 * Whether the active-tab marker points at another ticket than the one at `root`: a marked element
 * outside `root` (and not around it) that holds a ticket. Only those are searched, so the check
 * never walks the (possibly long) ticket being read.
 */
function activeMarkerElsewhere(doc: Document, root: Element): boolean {
  return Array.from(doc.querySelectorAll(SELECTORS.activeTab)).some(
    (marked) => !root.contains(marked) && !marked.contains(root) && holdsTicket(marked),
  );
}

/** The markup of the ticket on screen: by the number the URL (or the selected tab) names, else by the active-tab marker. */
function locateTicket(doc: Document, fromUrl: Exclude<UrlTicketId, { kind: 'not-zendesk' }>): Located {
  const named = fromUrl.kind === 'id' ? fromUrl.ticketId : selectedHeaderTabId(doc);
  const root = named === undefined ? undefined : ticketRootById(doc, named);
  if (named !== undefined && root !== undefined) {
    if (activeMarkerElsewhere(doc, root))
      return { kind: 'refused', detail: `Ticket ${named} is not the tab marked active; refusing to guess` };
    return { kind: 'found', root, ticketId: named };
  }
  const active = findActiveTab(doc);
  if (active.kind === 'none') return { kind: 'refused', detail: 'Zendesk ticket markup is present but no ticket tab could be told apart' };
  if (active.kind === 'ambiguous') return { kind: 'refused', detail: `${active.count} ticket tabs are marked active; refusing to guess` };
  if (named !== undefined && namesOtherTicket(active.tab, named)) {
    return { kind: 'refused', detail: `The tab marked active belongs to another ticket than ${named}` };
  }
  const ticketId = named ?? (fromUrl.kind === 'from-page' ? addressTicketId(doc, active.tab, fromUrl.page) : undefined);
  if (ticketId === undefined) return { kind: 'refused', detail: 'The active Zendesk tab names no ticket' };
  return { kind: 'found', root: active.tab, ticketId };
}

// ---------------------------------------------------------------------------------------------
// People

/** The user id of a `/agent/users/<id>` link. */
function profileIdOf(link: Element | null): string | undefined {
  return PROFILE_ID.exec(link?.getAttribute('href') ?? '')?.[1];
}

/** The first e-mail address among `elements`' titles and image alts (where the workspace puts the address of a name). */
function emailInAttributes(elements: readonly Element[]): string | undefined {
  for (const element of elements) {
    const email = optionalEmail(element.getAttribute('title')) ?? optionalEmail(element.getAttribute('alt'));
    if (email !== undefined) return email;
  }
  return undefined;
}

/** parsePersonLabel is pure but regex-heavy, and a thread repeats a handful of names: recent answers are kept. */
const LABEL_CACHE = new Map<string, PersonLabel>();
const LABEL_CACHE_MAX = 256;

function personLabel(text: string): PersonLabel {
  const known = LABEL_CACHE.get(text);
  if (known !== undefined) return known;
  if (LABEL_CACHE.size >= LABEL_CACHE_MAX) LABEL_CACHE.clear();
  const label = parsePersonLabel(text);
  LABEL_CACHE.set(text, label);
  return label;
}

function person(name: string | undefined, email: string | undefined, profileId: string | undefined): PersonIdentity {
  return {
    ...(name === undefined ? {} : { name }),
    ...(email === undefined ? {} : { email }),
    ...(profileId === undefined ? {} : { profileId }),
  };
}

function hasIdentity(identity: PersonIdentity): boolean {
  return identity.name !== undefined || identity.email !== undefined || identity.profileId !== undefined;
}

function sameName(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && nameWords(a).join(' ') === nameWords(b).join(' ');
}

// ---------------------------------------------------------------------------------------------
// The ticket's fields

/**
 * The ticket's elements outside its conversation: where the subject, requester, status and tags
 * live. One walk that skips the conversation keeps a long thread from turning every field lookup
 * into a walk over thousands of messages.
 */
function elementsOutside(root: Element, conversation: Element | null): Element[] {
  const found: Element[] = [];
  const pending: Element[] = [root];
  for (let element = pending.pop(); element !== undefined; element = pending.pop()) {
    if (element === conversation) continue;
    found.push(element);
    pending.push(...Array.from(element.children).reverse());
  }
  return found;
}

function firstMatch(elements: readonly Element[], selector: string): Element | undefined {
  return elements.find((element) => element.matches(selector));
}

// ---------------------------------------------------------------------------------------------
// Agent workspace

/** The requester field's person: its text without the avatar and badges, cleaned; the address from a title or alt. */
function personInRequesterField(field: Element): PersonIdentity {
  const copy = inertCopy(field);
  for (const decor of Array.from(copy.querySelectorAll(SELECTORS.workspace.requesterDecor))) decor.remove();
  const label = personLabel(singleLineText(copy));
  const email = label.email ?? emailInAttributes([field, ...Array.from(field.querySelectorAll('[title], img[alt]'))]);
  return person(label.name, email, undefined);
}

/**
 * The requester from the ticket's own requester field and the context navigation's profile link.
 * Two sources naming different people is a page that contradicts itself.
 */
function readWorkspaceRequester(fields: readonly Element[]): Requester | 'conflict' {
  const field = firstMatch(fields, SELECTORS.workspace.requesterField);
  const fromField = field === undefined ? {} : personInRequesterField(field);
  const nav = firstMatch(fields, SELECTORS.workspace.requesterProfile);
  const navName = nav === undefined ? undefined : personLabel(singleLineText(nav)).name;
  if (fromField.name !== undefined && navName !== undefined && !sameName(fromField.name, navName)) return 'conflict';
  return person(fromField.name ?? navName, fromField.email, profileIdOf(nav ?? null));
}

/** The parts of one log article the reading uses (see `SELECTORS.workspace.partIds`). */
interface ArticleParts {
  sender?: Element;
  userLink?: Element;
  noteTag: boolean;
  agentBadge: boolean;
  message?: Element;
  content?: Element;
  time?: Element;
}

/** Files one element under the part it is; the first of each kind wins, and a profile link counts only inside the sender. */
function filePart(parts: ArticleParts, element: Element): void {
  const ids = SELECTORS.workspace.partIds;
  const testId = element.getAttribute('data-test-id');
  if (testId === ids.sender) parts.sender ??= element;
  else if (testId === ids.noteTag) parts.noteTag = true;
  else if (testId === ids.agentBadge) parts.agentBadge = true;
  else if (testId === ids.message) parts.message ??= element;
  else if (testId === ids.content) parts.content ??= element;
  else if (element.tagName.toUpperCase() === 'TIME' && element.hasAttribute('datetime')) parts.time ??= element;
  else if (parts.sender?.contains(element) === true && (testId === ids.userLink || PROFILE_ID.test(element.getAttribute('href') ?? ''))) {
    parts.userLink ??= element;
  }
}

/** An article's parts, from one depth-first walk in document order. */
function articleParts(article: Element): ArticleParts {
  const parts: ArticleParts = { noteTag: false, agentBadge: false };
  const pending = Array.from(article.children).reverse();
  for (let element = pending.pop(); element !== undefined; element = pending.pop()) {
    filePart(parts, element);
    pending.push(...Array.from(element.children).reverse());
  }
  return parts;
}

/** What an article's sender line says about its author. */
function workspaceSender(parts: ArticleParts): PersonIdentity {
  const { sender, userLink } = parts;
  if (sender === undefined) return {};
  const label = personLabel(singleLineText(userLink ?? sender));
  const email = label.email ?? emailInAttributes(userLink === undefined ? [sender] : [userLink, sender]);
  return person(label.name, email, profileIdOf(userLink ?? null));
}

/**
 * An article without a sender line (a grouped chat message): its aria-label names the sender in
 * the UI's language, so it is matched against the people the page already showed, longest name
 * first. One person (however many times shown) is that person; two people, or one name on two
 * profiles, is no identity.
 */
function personNamedInLabel(article: Element, people: readonly PersonIdentity[]): PersonIdentity {
  const label = (article.getAttribute('aria-label') ?? '').normalize('NFKC').toLowerCase();
  if (label === '') return {};
  const named = people.filter(
    (candidate) => candidate.name !== undefined && label.includes(candidate.name.normalize('NFKC').toLowerCase()),
  );
  const longest = Math.max(0, ...named.map((candidate) => candidate.name?.length ?? 0));
  const chosen = named.filter((candidate) => candidate.name?.length === longest);
  const names = new Set(chosen.map((candidate) => nameWords(candidate.name ?? '').join(' ')));
  const profiles = new Set(chosen.flatMap((candidate) => (candidate.profileId === undefined ? [] : [candidate.profileId])));
  if (names.size !== 1 || profiles.size > 1) return {};
  return chosen.find((candidate) => candidate.profileId !== undefined) ?? chosen[0] ?? {};
}

/** What Zendesk's own `type` on the message says about its author: `end-user`, `agent` or `internal`. */
function messageType(parts: ArticleParts): string | undefined {
  return parts.message?.getAttribute('type')?.trim().toLowerCase();
}

/**
 * The layout's evidence: the note tag or `type="internal"` marks a note; the agent badge or
 * `type="agent"` puts the message on the agent side. `type="end-user"` is deliberately not a
 * customer-side cue: in Zendesk an end user who is not the requester (a CC, a side conversation's
 * third party) is not the customer, and the resolver would read "not an agent, customer side" as
 * the customer. It is kept as `endUser` and only ever contradicts an agent reading.
 */
function workspaceCues(parts: ArticleParts): LayoutCues {
  const type = messageType(parts);
  const internalNote = parts.noteTag || type === 'internal';
  const agentSide = type !== 'end-user' && (type === 'agent' || parts.agentBadge);
  return { ...(internalNote ? { internalNote } : {}), ...(agentSide ? { side: 'agent' as const } : {}) };
}

/** The message text: the content wrapper's, else the typed message's, else the article's without its header. */
function workspaceBody(article: Element, parts: ArticleParts): string {
  const content = parts.content ?? parts.message;
  if (content !== undefined) return readableText(content);
  const copy = inertCopy(article);
  for (const header of Array.from(copy.querySelectorAll(SELECTORS.workspace.header))) header.remove();
  return readableText(copy);
}

/** The fields every layout's message shares once its author, cues and body are known. */
function seenMessage(element: Element, time: Element | null | undefined, found: Omit<SeenMessage, 'sentAt' | 'id'>): SeenMessage {
  const sentAt = optionalDateTime(time?.getAttribute('datetime'));
  const id = optionalText(element.getAttribute('data-comment-id'), TICKET_LIMITS.idChars);
  return { ...found, ...(sentAt === undefined ? {} : { sentAt }), ...(id === undefined ? {} : { id }) };
}

/** The log's messages; articles without a sender line are attributed through their aria-label. */
function workspaceMessages(log: Element, requester: Requester): SeenMessage[] {
  const articles = Array.from(log.querySelectorAll(SELECTORS.workspace.item));
  const parts = articles.map(articleParts);
  const senders = parts.map(workspaceSender);
  const people = [requester, ...senders].filter(hasIdentity);
  return articles.map((article, index) => {
    const own = parts[index] ?? { noteTag: false, agentBadge: false };
    const sender = senders[index] ?? {};
    return seenMessage(article, own.time, {
      author: hasIdentity(sender) ? sender : personNamedInLabel(article, people),
      cues: workspaceCues(own),
      endUser: messageType(own) === 'end-user',
      body: workspaceBody(article, own),
    });
  });
}

function readWorkspaceStatus(fields: readonly Element[]): TicketStatus {
  const badge = firstMatch(fields, SELECTORS.workspace.statusBadge);
  const fromBadge = STATUS_BADGE_ID.exec(badge?.getAttribute('data-test-id') ?? '')?.[1];
  if (fromBadge !== undefined) return ticketStatusFromLabel(fromBadge);
  return ticketStatusFromLabel(firstMatch(fields, SELECTORS.workspace.statusText)?.textContent);
}

function uniqueTags(items: readonly Element[]): string[] {
  const tags = items.map((item) => clampText(singleLineText(item), TICKET_LIMITS.tagChars)).filter((tag) => tag !== '');
  return [...new Set(tags)].slice(0, TICKET_LIMITS.tags);
}

function readWorkspaceTags(fields: readonly Element[]): string[] {
  const list = firstMatch(fields, SELECTORS.workspace.tagList);
  const items = fields.filter((element) => element.matches(SELECTORS.workspace.tag) && (list === undefined || list.contains(element)));
  return uniqueTags(items);
}

/**
 * With no requester field, the requester is the author of the ticket's first message when Zendesk
 * types it an end user's, and only when the log starts at the ticket's beginning.
 */
function requesterFromFirstMessage(log: Element, messages: readonly SeenMessage[]): Requester {
  const [first] = messages;
  if (first === undefined || log.querySelector(SELECTORS.earlierNotLoaded) !== null) return {};
  return first.endUser && first.cues.internalNote !== true ? first.author : {};
}

function readWorkspace(log: Element, fields: readonly Element[]): Conversation {
  if (firstMatch(fields, SELECTORS.workspace.log) !== undefined)
    return { kind: 'unreadable', detail: 'The ticket shows more than one conversation log' };
  const fromFields = readWorkspaceRequester(fields);
  if (fromFields === 'conflict') return { kind: 'unreadable', detail: 'The requester field and the requester link name different people' };
  const messages = oldestFirst(workspaceMessages(log, fromFields));
  const requester = hasIdentity(fromFields) ? fromFields : requesterFromFirstMessage(log, messages);
  return {
    kind: 'read',
    requester,
    messages,
    tags: readWorkspaceTags(fields),
    status: readWorkspaceStatus(fields),
    unknownAuthors: 'allowed',
  };
}

// ---------------------------------------------------------------------------------------------
// Lotus (the interface before the agent workspace)

/**
 * Lotus's requester is the sender line of the ticket's header (the header holding the subject):
 * the profile link, its name, and the one address the header shows. The sidebar's requester
 * field, when its hooks are there, must name the same person.
 */
function readLotusRequester(fields: readonly Element[], subject: Element): Requester | 'unreadable' {
  const header = subject.closest('header');
  if (header === null) return 'unreadable';
  const link = header.querySelector(SELECTORS.anyUserLink);
  if (link === null) return 'unreadable';
  const name = personLabel(singleLineText(link)).name;
  const addresses = new Set((readableText(header).match(EMAIL_IN_TEXT) ?? []).map(optionalEmail).filter((email) => email !== undefined));
  if (addresses.size > 1) return 'unreadable';
  const sidebar = firstMatch(fields, SELECTORS.lotus.requesterField);
  const sidebarName = sidebar === undefined ? undefined : personLabel(singleLineText(sidebar)).name;
  if (sidebarName !== undefined && !sameName(sidebarName, name)) return 'unreadable';
  return person(name, [...addresses][0], profileIdOf(link));
}

function lotusMessage(event: Element): SeenMessage | undefined {
  const body = event.querySelector(SELECTORS.lotus.body);
  if (body === null) return undefined;
  const link = event.querySelector(SELECTORS.lotus.actor) ?? event.querySelector(SELECTORS.anyUserLink);
  const author = link === null ? {} : person(personLabel(singleLineText(link)).name, undefined, profileIdOf(link.closest('a')));
  const cues: LayoutCues = {
    ...(event.matches(SELECTORS.lotus.publicEvent) ? {} : { internalNote: true }),
    ...(event.querySelector(SELECTORS.lotus.agentAvatar) === null ? {} : { side: 'agent' as const }),
  };
  return seenMessage(event, event.querySelector(SELECTORS.time), { author, cues, endUser: false, body: readableText(body) });
}

/** Lotus's tags: the items of the sidebar's tag menu (the menu is there even when empty). */
function readLotusTags(fields: readonly Element[]): string[] | undefined {
  const menu = firstMatch(fields, SELECTORS.lotus.tagMenu);
  if (menu !== undefined) return uniqueTags(Array.from(menu.querySelectorAll('li')));
  const items = fields.filter((element) => element.matches(SELECTORS.lotus.tagItem));
  return items.length === 0 ? undefined : uniqueTags(items);
}

function readLotus(conversation: Element, fields: readonly Element[], subject: Element): Conversation {
  const events = Array.from(conversation.querySelectorAll(SELECTORS.lotus.event));
  // Private notes are told only by a missing `is-public`: with no public event at all, that class is gone, not every comment private.
  if (!events.some((event) => event.matches(SELECTORS.lotus.publicEvent)))
    return { kind: 'unreadable', detail: 'No Lotus event is marked public' };
  const messages = events.map(lotusMessage);
  if (messages.some((message) => message === undefined)) return { kind: 'unreadable', detail: 'A Lotus event has no comment body' };
  const requester = readLotusRequester(fields, subject);
  if (requester === 'unreadable') return { kind: 'unreadable', detail: 'The Lotus header names no single requester' };
  const tags = readLotusTags(fields);
  if (tags === undefined) return { kind: 'unreadable', detail: 'The Lotus tag menu is missing' };
  return {
    kind: 'read',
    requester,
    messages: oldestFirst(messages.filter((message) => message !== undefined)),
    tags,
    status: 'unknown',
    // Lotus shows no end-user identity beyond the requester: an author it cannot place means its agent marker is gone.
    unknownAuthors: 'refused',
  };
}

// ---------------------------------------------------------------------------------------------
// Roles and order

/** Messages oldest first: the log can be set to show the newest on top, and Lotus always does. */
function oldestFirst(messages: SeenMessage[]): SeenMessage[] {
  const times = messages.map((message) => Date.parse(message.sentAt ?? ''));
  let rising = 0;
  let falling = 0;
  for (let index = 1; index < times.length; index += 1) {
    const before = times[index - 1] ?? Number.NaN;
    const after = times[index] ?? Number.NaN;
    if (after > before) rising += 1;
    if (after < before) falling += 1;
  }
  return falling > rising ? [...messages].reverse() : messages;
}

/**
 * The requester's profile id, when the page links it only on their messages: the one profile
 * behind every message identity places as the requester (by address or full name).
 */
function requesterProfileFromMessages(messages: readonly SeenMessage[], requester: Requester): string | undefined {
  if (requester.profileId !== undefined) return requester.profileId;
  if (!hasIdentity(requester)) return undefined;
  const ids = new Set<string>();
  for (const message of messages) {
    if (message.author.profileId === undefined) continue;
    const withoutProfile = person(message.author.name, message.author.email, undefined);
    const decision = decideAuthorRole(withoutProfile, { customers: [requester], agents: [] }, message.cues);
    if (decision.basis === 'customer-identity') ids.add(message.author.profileId);
  }
  return ids.size === 1 ? [...ids][0] : undefined;
}

/**
 * Who is who on this ticket. With the requester's profile id known it alone (with the name)
 * identifies them, so a message from their second address still reads as theirs; agents are the
 * authors of internal notes.
 */
function roleContext(messages: readonly SeenMessage[], requester: Requester): RoleContext {
  const profileId = requesterProfileFromMessages(messages, requester);
  const customer = profileId === undefined ? requester : person(requester.name, undefined, profileId);
  const agents = messages
    .filter((message) => message.cues.internalNote === true && hasIdentity(message.author))
    .map((message) => message.author);
  return { customers: hasIdentity(customer) ? [customer] : [], agents };
}

function messageInput(message: SeenMessage, context: RoleContext): TicketMessageInput {
  const { author } = message;
  const role = decideAuthorRole(author, context, message.cues).role;
  return {
    // Zendesk says this author is an end user: an agent reading contradicts it, so nobody is named.
    authorRole: role === 'agent' && message.endUser ? 'unknown' : role,
    body: clampText(message.body, TICKET_LIMITS.bodyChars),
    ...(message.id === undefined ? {} : { id: message.id }),
    ...(author.name === undefined ? {} : { authorName: author.name }),
    ...(author.email === undefined ? {} : { authorEmail: author.email }),
    ...(message.sentAt === undefined ? {} : { sentAt: message.sentAt }),
  };
}

// ---------------------------------------------------------------------------------------------
// The reader

function readSubject(fields: readonly Element[]): { element: Element; text: string } | undefined {
  const subject = firstMatch(fields, SELECTORS.subject);
  if (subject === undefined) return undefined;
  // An <input> holds the subject in its value (which tracks what the agent types), not in its text.
  const raw = subject.tagName === 'INPUT' ? (subject as HTMLInputElement).value : singleLineText(subject);
  return { element: subject, text: clampText(raw.replace(/\s+/g, ' ').trim(), TICKET_LIMITS.subjectChars) };
}

type ConversationMarkup = { kind: 'workspace'; element: Element } | { kind: 'lotus'; element: Element };

/** The ticket's conversation in whichever generation of markup it uses: the workspace's log, else Lotus's events. */
function findConversation(root: Element): ConversationMarkup | undefined {
  const log = root.querySelector(SELECTORS.workspace.log);
  if (log !== null) return { kind: 'workspace', element: log };
  const lotus = root.matches(SELECTORS.lotus.conversation) ? root : root.querySelector(SELECTORS.lotus.conversation);
  if (lotus !== null && lotus.querySelector(SELECTORS.lotus.event) !== null) return { kind: 'lotus', element: lotus };
  return undefined;
}

function readConversation(conversation: ConversationMarkup, fields: readonly Element[], subject: Element): Conversation {
  return conversation.kind === 'workspace' ? readWorkspace(conversation.element, fields) : readLotus(conversation.element, fields, subject);
}

function hasZendeskTicketMarkup(doc: Document): boolean {
  return doc.querySelector(`${SELECTORS.workspace.log}, ${SELECTORS.subject}, ${SELECTORS.lotus.conversation}`) !== null;
}

export function readZendeskTicket(doc: Document, url: string, options?: TicketReadOptions): TicketReadResult {
  const fromUrl = ticketIdFromUrl(url, options);
  if (fromUrl.kind === 'not-zendesk') return notATicketPage(fromUrl.reason);
  const located = locateTicket(doc, fromUrl);
  if (located.kind === 'refused') {
    // The DOM signature: a Zendesk page without any ticket markup is not a ticket (yet), not a layout we failed.
    return hasZendeskTicketMarkup(doc)
      ? unreadableLayout(located.detail)
      : notATicketPage('No Zendesk ticket conversation or subject on this page');
  }
  const { root, ticketId } = located;
  const markup = findConversation(root);
  const fields = elementsOutside(root, markup?.element ?? null);
  const subject = readSubject(fields);
  if (subject === undefined) return unreadableLayout('The ticket has no subject field');
  if (markup === undefined) return unreadableLayout('The ticket shows no conversation yet');
  const conversation = readConversation(markup, fields, subject.element);
  if (conversation.kind === 'unreadable') return unreadableLayout(conversation.detail);
  if (conversation.messages.length === 0) return unreadableLayout('The ticket shows no messages yet');

  const context = roleContext(conversation.messages, conversation.requester);
  const messages = conversation.messages.map((message) => messageInput(message, context));
  if (conversation.unknownAuthors === 'refused' && messages.some((message) => message.authorRole === 'unknown')) {
    return unreadableLayout('A comment author could not be placed in a layout that marks every agent');
  }
  const { name, email } = conversation.requester;
  const pageUrl = optionalPageUrl(url);
  const candidate: TicketContextInput = {
    site: 'zendesk',
    ticketId,
    subject: subject.text,
    requester: { ...(name === undefined ? {} : { name }), ...(email === undefined ? {} : { email }) },
    messages,
    tags: conversation.tags,
    status: conversation.status,
    ...(pageUrl === undefined ? {} : { url: pageUrl }),
  };
  return ticketReadFrom(candidate);
}

/** The markup of the ticket the page's own address names, else of the tab marked active (a saved or test page names none). */
function composerRoot(doc: Document): Element | undefined {
  const href = doc.location?.href;
  const fromUrl = href === undefined ? undefined : ticketIdFromUrl(href, undefined);
  if (fromUrl?.kind === 'id') {
    const located = locateTicket(doc, fromUrl);
    return located.kind === 'found' ? located.root : undefined;
  }
  const active = findActiveTab(doc);
  return active.kind === 'tab' ? active.tab : undefined;
}

/** The reply composer of the ticket on screen: the editable node when there is one, else its editor wrapper. */
export function findZendeskComposer(doc: Document): HTMLElement | null {
  const root = composerRoot(doc);
  if (root === undefined) return null;
  for (const selector of SELECTORS.composers) {
    const editor = root.querySelector<HTMLElement>(selector);
    if (editor === null) continue;
    if (editor.isContentEditable || editor.getAttribute('contenteditable') === 'true') return editor;
    return editor.querySelector<HTMLElement>('[contenteditable="true"]') ?? editor;
  }
  return null;
}

export const zendeskAdapter: SiteAdapter<'zendesk'> = {
  ...zendeskSite,
  signature: SELECTORS.signature,
  read: readZendeskTicket,
  findComposer: findZendeskComposer,
};
