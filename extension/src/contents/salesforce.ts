/**
 * Content script for Salesforce (Lightning console and Classic case pages): reads the open case
 * with the Salesforce adapter, reports it to the background and answers the side panel's draft inserts.
 * The background also registers this file for hosts an admin mapped to Salesforce (a My Domain on
 * the company's own domain).
 */
import type { PlasmoCSConfig } from 'plasmo';
import { salesforceAdapter } from '../adapters/salesforceAdapter';
import { siteScript } from '../ticketWatch/pageSites';
import { runContentScript } from '../ticketWatch/runContentScript';

export const config: PlasmoCSConfig = {
  matches: ['https://*.lightning.force.com/*', 'https://*.my.salesforce.com/*', 'https://*.salesforce.com/*'],
  // At document_end the ticket's markup is parsed; document_idle would also wait for its images.
  run_at: 'document_end',
};

runContentScript(siteScript(salesforceAdapter));
