/**
 * Content script for Gmail: reads the open conversation with the Gmail adapter, reports it to the
 * background and answers the side panel's draft inserts (see ticketWatch/runContentScript.ts).
 */
import type { PlasmoCSConfig } from 'plasmo';
import { runContentScript } from '../ticketWatch/runContentScript';

export const config: PlasmoCSConfig = {
  matches: ['https://mail.google.com/*'],
  run_at: 'document_idle',
};

runContentScript('gmail');
