/**
 * Content script for the local fixture helpdesk: watches the page's open ticket with the fixture
 * adapter and reports it to the background. Each supported site gets one file like this.
 */
import type { PlasmoCSConfig } from 'plasmo';
import { readFixtureTicket } from '../adapters/fixtureAdapter';
import { isExtensionContextGone, sendToBackground } from '../ticketWatch/sendToBackground';
import { watchTicketPage } from '../ticketWatch/watchTicketPage';

export const config: PlasmoCSConfig = {
  // Chrome match patterns without a port match every port, so any local fixture server works.
  matches: ['http://127.0.0.1/*', 'http://localhost/*'],
  run_at: 'document_idle',
};

const watch = watchTicketPage({
  doc: document,
  read: readFixtureTicket,
  currentUrl: () => location.href,
  send: sendToBackground,
  onSendError: () => {
    if (isExtensionContextGone()) watch.stop();
  },
});
