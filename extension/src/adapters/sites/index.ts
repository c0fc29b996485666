/**
 * Every helpdesk Tandem reads, as DOM-free descriptors: the one list the host lookups, the site
 * settings and the content-script checks derive from. Adding a helpdesk adds its descriptor here.
 */
import { fixtureSite } from './fixture';
import { gmailSite } from './gmail';
import { salesforceSite } from './salesforce';
import { zendeskSite } from './zendesk';

/** The helpdesks an admin can map a host to and switch on or off. */
export const HELPDESK_DESCRIPTORS = [gmailSite, zendeskSite, salesforceSite] as const;
export type HelpdeskSite = (typeof HELPDESK_DESCRIPTORS)[number]['site'];
export const HELPDESK_SITES: readonly HelpdeskSite[] = HELPDESK_DESCRIPTORS.map((descriptor) => descriptor.site);

/** Every site the registry can pick; 'fixture' is Tandem's own test helpdesk. */
export const DETECTABLE_DESCRIPTORS = [...HELPDESK_DESCRIPTORS, fixtureSite] as const;
export type DetectableSite = (typeof DETECTABLE_DESCRIPTORS)[number]['site'];

export { fixtureSite, gmailSite, salesforceSite, zendeskSite };
export { LOOPBACK_MATCHES } from './loopback';
export { describeSite, type SiteDescriptor } from './siteDescriptor';
