/**
 * The host allow-list of each helpdesk tab: the extension's descriptors' hosts, the sign-in
 * hosts and an admin's mappings, with https only (http on loopback), and a clear error for a
 * malformed mapping.
 */
import { describe, expect, it } from 'vitest';
import { HELPDESK_SITES } from '../../../../extension/src/adapters/siteHosts';
import { HELPDESK_TAB_SITES } from '../../ipc/helpdeskChannels';
import { helpdeskSiteConfigs, HelpdeskHostsError, hostRole, parseHelpdeskHosts, siteForUrl } from './helpdeskSites';

describe('helpdesk sites', () => {
  it('covers exactly the helpdesks the extension reads', () => {
    expect([...HELPDESK_TAB_SITES].sort()).toEqual([...HELPDESK_SITES].sort());
  });

  it("classifies hosts as the site's reading hosts, sign-in hosts, or neither", () => {
    const sites = helpdeskSiteConfigs(parseHelpdeskHosts('*.support.acme.com=zendesk, acme.okta.com=zendesk:sign-in,127.0.0.1=salesforce'));
    expect(hostRole(sites.gmail, 'https://mail.google.com/mail/u/0/#inbox')).toBe('read');
    expect(hostRole(sites.gmail, 'https://accounts.google.com/v3/signin')).toBe('sign-in');
    expect(hostRole(sites.gmail, 'https://mail.google.com.evil.example/')).toBeUndefined();
    expect(hostRole(sites.zendesk, 'https://acme.zendesk.com/agent')).toBe('read');
    expect(hostRole(sites.zendesk, 'https://zendesk.com/')).toBeUndefined();
    expect(hostRole(sites.zendesk, 'https://eu.support.acme.com/agent')).toBe('read');
    expect(hostRole(sites.zendesk, 'https://acme.okta.com/')).toBe('sign-in');
    expect(hostRole(sites.zendesk, 'https://mail.google.com/')).toBeUndefined();
    expect(hostRole(sites.salesforce, 'https://acme.lightning.force.com/lightning/r/Case/1/view')).toBe('read');
    expect(hostRole(sites.salesforce, 'http://127.0.0.1:4100/case')).toBe('read');
    expect(hostRole(sites.salesforce, 'http://acme.lightning.force.com/')).toBeUndefined();
    expect(hostRole(sites.salesforce, 'ftp://acme.lightning.force.com/')).toBeUndefined();
    expect(hostRole(sites.salesforce, 'not a url')).toBeUndefined();
  });

  it('names the partition after the site', () => {
    const sites = helpdeskSiteConfigs();
    expect(HELPDESK_TAB_SITES.map((site) => sites[site].partition)).toEqual([
      'persist:helpdesk-gmail',
      'persist:helpdesk-zendesk',
      'persist:helpdesk-salesforce',
    ]);
  });

  it("finds a URL's site, its own domain before a mapping", () => {
    const sites = helpdeskSiteConfigs(parseHelpdeskHosts('*.zendesk.com=salesforce,help.acme.com=salesforce'));
    expect(siteForUrl(sites, 'https://acme.zendesk.com/agent')).toBe('zendesk');
    expect(siteForUrl(sites, 'https://help.acme.com/')).toBe('salesforce');
    expect(siteForUrl(sites, 'https://accounts.google.com/')).toBeUndefined();
  });

  it.each([
    'support.acme.com',
    'support.acme.com=outlook',
    '*.com=zendesk',
    'https://x.com=zendesk',
    'a.com=zendesk:admin',
    'bad host=gmail',
  ])('refuses the mapping %j with a clear error', (value) => {
    expect(() => parseHelpdeskHosts(value)).toThrow(HelpdeskHostsError);
    expect(() => parseHelpdeskHosts(value)).toThrow(/TANDEM_HELPDESK_HOSTS/);
  });

  it('reads no mapping from nothing', () => {
    expect(parseHelpdeskHosts(undefined)).toEqual([]);
    expect(parseHelpdeskHosts(' , ')).toEqual([]);
    expect(parseHelpdeskHosts('Support.Acme.com=zendesk')).toEqual([{ host: 'support.acme.com', site: 'zendesk', role: 'read' }]);
  });
});
