/**
 * Keeps the background informed about the ticket open in one page: reads it at start and again
 * after DOM changes settle, reports only changes, and marks the page so tests (and the agent's
 * devtools) can see Tandem recognised it. Site-independent: each content script passes its reader.
 */
import type { TicketPageReader } from '../adapters/siteAdapter';
import type { ContentScriptMessage } from '../messages/messages';
import { nextTicketReport, type ReportedTicket } from './ticketReports';

export const TICKET_MARK_ATTRIBUTE = 'data-tandem-ticket';

/**
 * How long DOM changes are gathered before the page is read. A helpdesk renders a ticket switch
 * in one or a few tasks, so a short window sees it whole; a longer one only delays the cards
 * (the budget from opening a ticket to cards is 100 ms). Later changes are read again anyway.
 */
export const SETTLE_MS = 40;

export interface TicketPageWatchOptions {
  doc: Document;
  read: TicketPageReader;
  currentUrl: () => string;
  send: (message: ContentScriptMessage) => Promise<void>;
  /** A failed send; the change is re-sent after the next DOM change. */
  onSendError?: (error: unknown) => void;
  /** How long DOM changes may keep arriving before the page is read again. */
  settleMs?: number;
}

export interface TicketPageWatch {
  /** Reads the page now (after any read in flight) and reports a change. */
  check(): Promise<void>;
  stop(): void;
}

function markPage(doc: Document, ticketId: string | undefined): void {
  const root = doc.documentElement;
  if (ticketId === undefined) delete root.dataset.tandemTicket;
  else if (root.dataset.tandemTicket !== ticketId) root.dataset.tandemTicket = ticketId;
}

/** Our own mark on <html> is a DOM change too; reacting to it would only cause a pointless re-read. */
function isOwnMark(record: MutationRecord, doc: Document): boolean {
  return record.type === 'attributes' && record.target === doc.documentElement && record.attributeName === TICKET_MARK_ATTRIBUTE;
}

export function watchTicketPage(options: TicketPageWatchOptions): TicketPageWatch {
  const { doc, read, currentUrl, send, onSendError, settleMs = SETTLE_MS } = options;
  let reported: ReportedTicket | undefined;
  let stopped = false;
  let pending: ReturnType<typeof setTimeout> | undefined;
  // Reads run one after another so two quick changes can never report out of order.
  let queue: Promise<void> = Promise.resolve();

  const readAndReport = async () => {
    if (stopped) return;
    const result = read(doc, currentUrl());
    markPage(doc, result.kind === 'ticket' ? result.ticket.ticketId : undefined);
    const step = nextTicketReport(reported, result);
    reported = step.reported;
    if (step.message === undefined) return;
    try {
      await send(step.message);
    } catch (error) {
      reported = undefined;
      onSendError?.(error);
    }
  };

  const check = () => {
    queue = queue.then(readAndReport);
    return queue;
  };

  const MutationObserverImpl = doc.defaultView?.MutationObserver ?? MutationObserver;
  const observer = new MutationObserverImpl((records) => {
    if (stopped || pending !== undefined || records.every((record) => isOwnMark(record, doc))) return;
    // Coalesce rather than restart the timer: a page that never stops changing is still re-read.
    pending = setTimeout(() => {
      pending = undefined;
      void check();
    }, settleMs);
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true, attributes: true });

  // A page restored from the back/forward cache keeps this script alive but counts as a new
  // document to the background, which has cleared its ticket: report it afresh.
  const onPageShow = (event: PageTransitionEvent) => {
    if (!event.persisted || stopped) return;
    reported = undefined;
    void check();
  };
  doc.defaultView?.addEventListener('pageshow', onPageShow);

  void check();
  return {
    check,
    stop() {
      stopped = true;
      doc.defaultView?.removeEventListener('pageshow', onPageShow);
      observer.disconnect();
      if (pending !== undefined) clearTimeout(pending);
      pending = undefined;
    },
  };
}
