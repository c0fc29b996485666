/**
 * The auto-detecting content script. Declared here for loopback pages (the e2e tests' and demos'
 * local fixture helpdesks, which may mimic Gmail, Zendesk or Salesforce markup), and registered
 * by the background for hosts an admin mapped to 'auto', which is why the background looks this
 * file's built name up by its loopback match pattern (a host mapped to a site gets that site's own,
 * smaller script). The host mappings and each site's DOM signature pick the adapter; a page
 * nothing recognises gets no ticket.
 */
import type { PlasmoCSConfig } from 'plasmo';
import { autoScript } from '../ticketWatch/autoSites';
import { runContentScript } from '../ticketWatch/runContentScript';

export const config: PlasmoCSConfig = {
  // Chrome match patterns without a port match every port, so any local fixture server works.
  // background/contentScriptRegistrations.ts finds this script by these patterns (adapters/sites/loopback.ts;
  // sites/siteDescriptors.test.ts keeps them in step).
  matches: ['http://127.0.0.1/*', 'http://localhost/*'],
  // At document_end the ticket's markup is parsed; document_idle would also wait for its images.
  run_at: 'document_end',
};

runContentScript(autoScript());
