/**
 * The widget site behind the demo shop's pages: its settings (Northwind's theme and the
 * questions its help articles answer) and the origins it allows, which are this server's own
 * (a browser reaches a loopback server as 127.0.0.1 or as localhost, so both are listed), kept
 * beside any origin an admin added for a name on the network.
 */
import { WIDGET_LIMITS, type WidgetSiteSettingsInput } from '@tandem/shared';

export const DEMO_SITE_NAME = 'Demo store (/demo)';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The origins a browser on this machine sends for pages of the server at `localBaseUrl`. */
export function ownOrigins(localBaseUrl: string): string[] {
  const url = new URL(localBaseUrl);
  const origins = new Set([url.origin]);
  if (LOOPBACK_HOSTS.has(url.hostname)) for (const host of LOOPBACK_HOSTS) origins.add(`${url.protocol}//${host}:${url.port}`);
  return [...origins];
}

export function demoSiteSettings(allowedOrigins: string[]): WidgetSiteSettingsInput {
  return {
    name: DEMO_SITE_NAME,
    allowedOrigins,
    theme: {
      accentColor: '#1f3a2e',
      title: 'Northwind help',
      greeting: 'Hi! Ask about orders, returns, shipping or your account.',
    },
    suggestedQuestions: ['How do I return an item?', 'When will my refund arrive?', 'How long does delivery take?'],
  };
}

/**
 * The demo site's origins after a start: this server's own loopback origins now, plus any other
 * origin an admin added (a name on the network); loopback origins of earlier ports are dropped.
 */
export function originsAfterStart(stored: readonly string[], own: readonly string[]): string[] {
  const added = stored.filter((o) => URL.canParse(o) && !LOOPBACK_HOSTS.has(new URL(o).hostname));
  return [...new Set([...own, ...added])].slice(0, WIDGET_LIMITS.allowedOrigins);
}

/** Whether a stored site's origins are exactly these (in any order). */
export function sameOrigins(stored: readonly string[], wanted: readonly string[]): boolean {
  return stored.length === wanted.length && wanted.every((o) => stored.includes(o));
}
