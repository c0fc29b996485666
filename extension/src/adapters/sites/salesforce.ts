/**
 * Salesforce as a site: the agent console's hosts. Lightning runs on `*.lightning.force.com`, My
 * Domain and Classic pages on `*.my.salesforce.com` and `*.salesforce.com`. Other `*.force.com`
 * hosts are left out on purpose: Experience Cloud sites there are customer-facing portals, and
 * Visualforce domains (`*.vf.force.com`) serve embedded pages, not the case record.
 */
import { describeSite } from './siteDescriptor';

export const salesforceSite = describeSite('salesforce', 'Salesforce', [
  '*.lightning.force.com',
  '*.my.salesforce.com',
  '*.salesforce.com',
]);
