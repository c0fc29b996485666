/**
 * Content script for Gmail: reads the open conversation with the Gmail adapter, reports it to the
 * background and answers the side panel's draft inserts (see ticketWatch/runContentScript.ts).
 * The background also registers this file for hosts an admin mapped to Gmail.
 */
import type { PlasmoCSConfig } from 'plasmo';
import { gmailAdapter } from '../adapters/gmailAdapter';
import { siteScript } from '../ticketWatch/pageSites';
import { runContentScript } from '../ticketWatch/runContentScript';

export const config: PlasmoCSConfig = {
  matches: ['https://mail.google.com/*'],
  // At document_end the ticket's markup is parsed; document_idle would also wait for its images.
  run_at: 'document_end',
};

runContentScript(siteScript(gmailAdapter));
