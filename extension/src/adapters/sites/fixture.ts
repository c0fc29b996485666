/**
 * Tandem's own fixture helpdesk (the e2e tests' and demos' pages) as a site. It has no host of
 * its own: it is served from loopback, where the auto-detecting content script finds it by its
 * DOM signature (sites/loopback.ts).
 */
import { describeSite } from './siteDescriptor';

export const fixtureSite = describeSite('fixture', 'Fixture Desk', []);
