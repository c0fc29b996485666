/**
 * zod schemas for every helpdesk-tab message, checked on arrival: main checks what a helpdesk
 * page and the console send, the helpdesk preload checks the insert commands main sends. A
 * helpdesk page is a foreign site's code, so nothing it says is trusted before it parses here.
 * Typing each schema by the contract (helpdeskChannels.ts) makes a drift between them a compile error.
 */
import { draftOutcomeSchema, ticketContextSchema } from '@tandem/shared';
import { z } from 'zod';
import { MESSAGE_LIMITS } from '../../../extension/src/messages/pageMessages';
import {
  HELPDESK_TAB_SITES,
  type HelpdeskInsertCommand,
  type HelpdeskInsertResult,
  type HelpdeskIpcArgs,
  type HelpdeskIpcChannel,
  type HelpdeskLayout,
  type HelpdeskPageDraftOutcome,
  type HelpdeskPageReport,
} from './helpdeskChannels';

/** Same limits as the extension's page messages, so a draft the side panel can insert the desktop can too. */
export const HELPDESK_LIMITS = { ...MESSAGE_LIMITS, requestId: 64, tabId: 64, urlChars: 2048 } as const;

const draftId = z.string().min(1).max(HELPDESK_LIMITS.draftId);
const draftText = z.string().min(1).max(HELPDESK_LIMITS.draftText);

export const helpdeskTabSiteSchema = z.enum(HELPDESK_TAB_SITES);

export const helpdeskPageReportSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ticket.opened'), ticket: ticketContextSchema }),
  z.strictObject({ type: z.literal('ticket.updated'), ticket: ticketContextSchema }),
  z.strictObject({ type: z.literal('ticket.closed') }),
  z.strictObject({ type: z.literal('ticket.unreadable'), detail: z.string().max(HELPDESK_LIMITS.unreadableDetail) }),
]) satisfies z.ZodType<HelpdeskPageReport>;

export const helpdeskInsertCommandSchema = z.strictObject({
  requestId: z.string().min(1).max(HELPDESK_LIMITS.requestId),
  draftId,
  text: draftText,
}) satisfies z.ZodType<HelpdeskInsertCommand>;

export const helpdeskInsertResultSchema = z.strictObject({
  requestId: z.string().min(1).max(HELPDESK_LIMITS.requestId),
  reply: z.discriminatedUnion('ok', [
    z.strictObject({ ok: z.literal(true), composer: z.string().max(HELPDESK_LIMITS.composerLabel) }),
    z.strictObject({ ok: z.literal(false), error: z.string().max(HELPDESK_LIMITS.replyError) }),
  ]),
}) satisfies z.ZodType<HelpdeskInsertResult>;

export const helpdeskPageDraftOutcomeSchema = z.strictObject({
  draftId,
  outcome: draftOutcomeSchema,
  keptRatio: z.number().min(0).max(1),
}) satisfies z.ZodType<HelpdeskPageDraftOutcome>;

const tabId = z.string().min(1).max(HELPDESK_LIMITS.tabId);

/** Layouts outside these bounds are a bug in the console, not a preference: refused, not clamped. */
export const helpdeskLayoutSchema = z.strictObject({
  top: z.number().int().min(0).max(400),
  left: z.number().int().min(0).max(1000).optional(),
  copilotWidth: z.number().int().min(0).max(4000),
}) satisfies z.ZodType<HelpdeskLayout>;

export const helpdeskIpcArgSchemas: { [C in HelpdeskIpcChannel]: z.ZodType<HelpdeskIpcArgs<C>> } = {
  'helpdeskTabs:list': z.tuple([]),
  'helpdeskTabs:open': z.tuple([
    z.strictObject({
      url: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }).max(HELPDESK_LIMITS.urlChars),
      site: helpdeskTabSiteSchema.optional(),
    }),
  ]),
  'helpdeskTabs:activate': z.tuple([tabId.nullable()]),
  'helpdeskTabs:close': z.tuple([tabId]),
  'helpdeskTabs:insert': z.tuple([z.strictObject({ tabId, draftId, text: draftText })]),
  'helpdeskTabs:layout': z.tuple([helpdeskLayoutSchema]),
};
