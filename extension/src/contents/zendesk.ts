/**
 * Content script for the Zendesk agent workspace: reads the active ticket tab with the Zendesk
 * adapter, reports it to the background and answers the side panel's draft inserts. The
 * background also registers this file for hosts an admin mapped to Zendesk.
 */
import type { PlasmoCSConfig } from 'plasmo';
import { zendeskAdapter } from '../adapters/zendeskAdapter';
import { siteScript } from '../ticketWatch/pageSites';
import { runContentScript } from '../ticketWatch/runContentScript';

export const config: PlasmoCSConfig = {
  matches: ['https://*.zendesk.com/*'],
  // At document_end the ticket's markup is parsed; document_idle would also wait for its images.
  run_at: 'document_end',
};

runContentScript(siteScript(zendeskAdapter));
