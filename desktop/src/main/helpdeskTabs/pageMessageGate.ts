/**
 * The gate every message from a helpdesk page passes before main acts on it: it must come from
 * the tab's current main frame (not an iframe, not a frame left over from a previous page), that
 * frame must be on one of the site's reading hosts (not a sign-in page, not a foreign host), and
 * its one argument must parse with the channel's zod schema. Anything else is dropped and
 * reported with a reason, never with the payload (it may hold a customer's words).
 */
import type { WebFrameMain } from 'electron';
import type { z } from 'zod';

export type PageMessageRejection = 'no-frame' | 'foreign-frame' | 'foreign-host' | 'malformed';

export type PageMessageVerdict<T> = { ok: true; value: T } | { ok: false; reason: PageMessageRejection };

/** The parts of a frame the gate reads (WebFrameMain in Electron). */
export type FrameIdentity = Pick<WebFrameMain, 'processId' | 'routingId' | 'url'>;

/** Electron may hand out a new WebFrameMain object for the same frame: compare by its ids too. */
export function isSameFrame(a: FrameIdentity, b: FrameIdentity): boolean {
  return a === b || (a.processId === b.processId && a.routingId === b.routingId);
}

export function checkPageMessage<T>(
  senderFrame: FrameIdentity | null | undefined,
  mainFrame: FrameIdentity,
  canRead: (url: string) => boolean,
  schema: z.ZodType<T>,
  args: readonly unknown[],
): PageMessageVerdict<T> {
  if (senderFrame === null || senderFrame === undefined) return { ok: false, reason: 'no-frame' };
  if (!isSameFrame(senderFrame, mainFrame)) return { ok: false, reason: 'foreign-frame' };
  if (!canRead(senderFrame.url)) return { ok: false, reason: 'foreign-host' };
  if (args.length !== 1) return { ok: false, reason: 'malformed' };
  const parsed = schema.safeParse(args[0]);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, reason: 'malformed' };
}
