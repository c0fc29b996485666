/**
 * Follow mode in the service worker: while the agent has it on and is signed in, a presence link
 * publishes the ticket of the tab they work in (each ticket a content script reports, and the
 * active tab's when they switch) and inserts the drafts their desktop app sends, into that
 * ticket's tab through the same `draft.insert` message the side panel uses. The side panel's draft
 * (its state and text) is published with the ticket it belongs to. Who follows is kept
 * in session storage for the side panel. Settings changes (server, token, on/off, paused) rebuild
 * or pause the link.
 */
import { createTandemClient, type TandemClient } from '../connection/tandemClient';
import { startPresenceLink, type PresenceApi, type PresenceLink } from '../follow/presenceLink';
import { readFollowSettings, watchFollowSettings, writeFollowers } from '../follow/followSettings';
import { watchPanelDraft } from '../follow/panelDraft';
import { insertIntoTab } from '../panel/insertIntoTab';
import { settingsFromStorage } from '../settings/settings';
import { readStoredSettings, watchSettings } from '../settings/settingsStorage';
import { readLatestTicket, readTabTicket, readTicketWithId, watchTickets } from '../tickets/ticketStorage';

function presenceApi(client: TandemClient): PresenceApi {
  return {
    publish: (input) => client.presence.publish.mutate(input),
    pause: () => client.presence.pause.mutate(),
    resume: () => client.presence.resume.mutate(),
    ack: (input) => client.presence.ack.mutate(input),
    inbox: ({ onData, onError }) => client.presence.inbox.subscribe(undefined, { onData, onError }),
  };
}

/**
 * Chrome stops an idle MV3 worker after about 30 s, and an open event stream is not activity to it:
 * asleep, the worker would miss the desktop's insert requests. Any extension API call counts as
 * activity, so one every 20 s keeps it awake while (and only while) follow mode is on.
 */
const KEEP_AWAKE_MS = 20_000;

export function runFollowMode(): void {
  let link: PresenceLink | undefined;
  let keepAwake: ReturnType<typeof setInterval> | undefined;
  /** Server and token the link was built for; empty while follow mode is off or signed out. */
  let linkedTo = '';
  let refreshing: Promise<void> = Promise.resolve();

  const rebuild = async () => {
    const settings = settingsFromStorage(await readStoredSettings());
    const follow = await readFollowSettings();
    const target = settings !== undefined && follow.enabled ? `${settings.serverUrl}\n${settings.apiToken}` : '';
    if (target === linkedTo) {
      await link?.setPaused(follow.paused);
      return;
    }
    link?.stop();
    link = undefined;
    clearInterval(keepAwake);
    keepAwake = undefined;
    linkedTo = target;
    await writeFollowers([]);
    if (settings === undefined || !follow.enabled) return;
    keepAwake = setInterval(() => void chrome.runtime.getPlatformInfo().catch(() => undefined), KEEP_AWAKE_MS);
    link = startPresenceLink(
      presenceApi(createTandemClient(settings)),
      {
        insert: async (ticketId, requestId, text) => {
          const stored = await readTicketWithId(ticketId);
          if (stored === undefined) return { ok: false, error: 'No tab shows that ticket any more' };
          return insertIntoTab(stored.tabId, requestId, text);
        },
        onFollowers: (followers) => void writeFollowers(followers),
        // The service worker has no console policy of its own; errors stay out of the page and the server.
        onError: () => undefined,
      },
      follow.paused,
    );
    link.publish((await readLatestTicket())?.ticket ?? null);
  };
  const refresh = () => {
    refreshing = refreshing.then(rebuild, rebuild);
  };

  watchSettings(refresh);
  watchFollowSettings(refresh);
  refresh();

  watchTickets((changed) => {
    const current = link;
    if (current === undefined) return;
    for (const stored of changed.values()) {
      if (stored !== undefined && 'ticket' in stored) return current.publish(stored.ticket);
    }
    // A ticket closed or a page left: what is open now is the latest ticket still recorded, if any.
    void readLatestTicket().then((latest) => current.publish(latest?.ticket ?? null));
  });
  watchPanelDraft(({ ticketId, draft }) => link?.updateDraft(ticketId, draft));
  chrome.tabs.onActivated.addListener(({ tabId }) => {
    const current = link;
    if (current === undefined) return;
    void readTabTicket(tabId).then((stored) => {
      if (stored !== undefined && 'ticket' in stored) current.publish(stored.ticket);
    });
  });
}
