/** Zendesk as a site: every account's agent workspace lives on its own `<subdomain>.zendesk.com`. */
import { describeSite } from './siteDescriptor';

export const zendeskSite = describeSite('zendesk', 'Zendesk', ['*.zendesk.com']);
