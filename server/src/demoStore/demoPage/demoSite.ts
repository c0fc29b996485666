/**
 * The widget site behind the demo shop's pages: its settings (Northwind's theme and the
 * questions its help articles answer) and the origins it allows, which are this server's own
 * (a browser reaches a loopback server as 127.0.0.1 or as localhost, so both are listed).
 */
import type { WidgetSiteSettingsInput } from '@tandem/shared';

export const DEMO_SITE_NAME = 'Demo store (/demo)';

/** The origins a browser on this machine sends for pages of the server at `localBaseUrl`. */
export function ownOrigins(localBaseUrl: string): string[] {
  const url = new URL(localBaseUrl);
  const origins = new Set([url.origin]);
  const loopback = ['127.0.0.1', 'localhost', '[::1]'];
  if (loopback.includes(url.hostname)) for (const host of loopback) origins.add(`${url.protocol}//${host}:${url.port}`);
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

/** Whether a stored site's origins are exactly these (in any order). */
export function sameOrigins(stored: readonly string[], wanted: readonly string[]): boolean {
  return stored.length === wanted.length && wanted.every((o) => stored.includes(o));
}
