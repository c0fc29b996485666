/**
 * What the helpdesk preload does in a helpdesk tab, with the IPC passed in (so it runs in jsdom):
 * the extension's site adapter reads the open ticket and watchTicketPage reports each change, the
 * extension's composer code answers main's insert commands and follows each inserted draft to its
 * outcome. Nothing is exposed to the page. Every message is checked against its zod schema before
 * it leaves (a slip in an adapter is dropped here, not sent) and every command when it arrives.
 */
import type { TicketReadResult } from '@tandem/shared/ticket-reading';
import { z } from 'zod';
import { notATicketPage, type TicketPageReader } from '../../../extension/src/adapters/siteAdapter';
import { hostMatches, isOwnHost } from '../../../extension/src/adapters/siteHosts';
import { SITE_REGISTRY } from '../../../extension/src/adapters/siteRegistry';
import { answerInsertDraft } from '../../../extension/src/composer/insertMessage';
import { watchDraftOutcome, type DraftOutcomeWatch } from '../../../extension/src/composer/watchDraftOutcome';
import { watchTicketPage } from '../../../extension/src/ticketWatch/watchTicketPage';
import { HELPDESK_ARGUMENT_PREFIX, HELPDESK_PAGE_CHANNELS, type HelpdeskInsertResult, type HelpdeskTabSite } from '../ipc/helpdeskChannels';
import {
  helpdeskInsertCommandSchema,
  helpdeskPageDraftOutcomeSchema,
  helpdeskPageReportSchema,
  helpdeskTabSiteSchema,
} from '../ipc/helpdeskSchemas';

export interface HelpdeskPageConfig {
  site: HelpdeskTabSite;
  /** Hosts an admin mapped to the site: read with the site's adapter although they are not its own domain. */
  mappedHosts: string[];
}

const pageConfigSchema = z.strictObject({
  site: helpdeskTabSiteSchema,
  mappedHosts: z.array(z.string().max(253)).max(100),
}) satisfies z.ZodType<HelpdeskPageConfig>;

/** The tab's site as main passed it (webPreferences.additionalArguments); undefined when absent or malformed. */
export function readHelpdeskArgument(argv: readonly string[]): HelpdeskPageConfig | undefined {
  const argument = argv.find((each) => each.startsWith(HELPDESK_ARGUMENT_PREFIX));
  if (argument === undefined) return undefined;
  try {
    const parsed = pageConfigSchema.safeParse(JSON.parse(decodeURIComponent(argument.slice(HELPDESK_ARGUMENT_PREFIX.length))));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The site's adapter, as the extension's own content script reads: on the site's own domain with
 * its host check, on a mapped host without it (main decided the site), anywhere else (a sign-in
 * page) not at all.
 */
export function helpdeskPageReader(config: HelpdeskPageConfig): TicketPageReader {
  const adapter = SITE_REGISTRY[config.site];
  return (doc, url): TicketReadResult => {
    let hostname: string;
    try {
      hostname = new URL(url).hostname;
    } catch {
      return notATicketPage('The page URL could not be parsed');
    }
    if (isOwnHost(adapter.hosts, hostname)) return adapter.read(doc, url, { anyHost: false });
    if (config.mappedHosts.some((pattern) => hostMatches(pattern, hostname))) return adapter.read(doc, url, { anyHost: true });
    return notATicketPage(`This page is not on ${adapter.label}`);
  };
}

/** The preload's two ends of IPC (ipcRenderer in the tab). */
export interface HelpdeskPageIpc {
  send(channel: string, payload: unknown): void;
  /** Calls `listener` with each insert command main sends; returns the function that stops listening. */
  onInsert(listener: (raw: unknown) => void): () => void;
}

/** The insert code's sender check is for the extension's runtime messages; here only main can send a command. */
const MAIN_PROCESS = 'tandem-desktop-main';

export interface RunningHelpdeskPage {
  stop(): void;
}

export function runHelpdeskPage(
  doc: Document,
  currentUrl: () => string,
  config: HelpdeskPageConfig,
  ipc: HelpdeskPageIpc,
): RunningHelpdeskPage {
  const adapter = SITE_REGISTRY[config.site];
  const watches = new Map<HTMLElement, DraftOutcomeWatch>();

  const watch = watchTicketPage({
    doc,
    read: helpdeskPageReader(config),
    currentUrl,
    send: async (message) => {
      const report = helpdeskPageReportSchema.safeParse(message);
      // watchTicketPage re-reads after the next change when a send fails.
      if (!report.success) throw new Error(`${message.type} did not pass its schema`);
      ipc.send(HELPDESK_PAGE_CHANNELS.report, report.data);
    },
  });

  const stopInserts = ipc.onInsert((raw) => {
    const command = helpdeskInsertCommandSchema.safeParse(raw);
    if (!command.success) return;
    const { requestId, draftId, text } = command.data;
    const reply = answerInsertDraft({ type: 'draft.insert', draftId, text }, { id: MAIN_PROCESS }, MAIN_PROCESS, {
      findComposer: () => adapter.findComposer(doc),
      composerLabel: () => `${adapter.label} reply box`,
      onInserted: ({ composer, message, around }) => {
        watches.get(composer)?.stop();
        watches.set(
          composer,
          watchDraftOutcome({
            composer,
            draft: message.text,
            around,
            report: ({ outcome, keptRatio }) => {
              watches.delete(composer);
              const parsed = helpdeskPageDraftOutcomeSchema.safeParse({ draftId: message.draftId, outcome, keptRatio });
              if (parsed.success) ipc.send(HELPDESK_PAGE_CHANNELS.draftOutcome, parsed.data);
            },
          }),
        );
      },
    });
    // answerInsertDraft answers every draft.insert; undefined cannot happen for the message built above.
    const result: HelpdeskInsertResult = { requestId, reply: reply ?? { ok: false, error: 'The draft could not be inserted' } };
    ipc.send(HELPDESK_PAGE_CHANNELS.insertResult, result);
  });

  return {
    stop() {
      watch.stop();
      stopInserts();
      for (const each of watches.values()) each.stop();
      watches.clear();
    },
  };
}
