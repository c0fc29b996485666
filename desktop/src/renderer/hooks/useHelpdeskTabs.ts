/**
 * The app's helpdesk tabs as the Copilot screen sees them (Electron only): the newest state main
 * reports, and open / show / close with the bridge's typed errors turned into one line to show.
 * While the screen is mounted it owns which tab is shown; leaving it hides the web view
 * (activate(null)) and coming back shows the tab that was shown before.
 */
import { useCallback, useEffect, useState } from 'react';
import type { IpcResponse } from '../../ipc/channels';
import type { HelpdeskBridge, HelpdeskOpenRequest, HelpdeskTabsState } from '../../ipc/helpdeskChannels';

export interface HelpdeskTabsView {
  /** Undefined until main answers the first list(). */
  state: HelpdeskTabsState | undefined;
  /** The last action's failure, as the agent should read it. */
  error: string | undefined;
  open(request: HelpdeskOpenRequest): Promise<void>;
  activate(tabId: string | null): Promise<void>;
  close(tabId: string): Promise<void>;
}

// The screen unmounts when the agent goes to another screen; the tab they were on must survive that.
let lastShownTabId: string | null = null;

/** For tests: forget the tab remembered across mounts. */
export function forgetShownHelpdeskTab(): void {
  lastShownTabId = null;
}

export function useHelpdeskTabs(bridge: HelpdeskBridge): HelpdeskTabsView {
  const [state, setState] = useState<HelpdeskTabsState>();
  const [error, setError] = useState<string>();

  const run = useCallback(async <T>(call: Promise<IpcResponse<T>>, what: string): Promise<IpcResponse<T>> => {
    try {
      const answer = await call;
      setError(answer.ok ? undefined : `${what}: ${answer.error.message}`);
      return answer;
    } catch (thrown) {
      // Only a preload bug rejects (main answers with envelopes); still worth a line, not a crash.
      const message = thrown instanceof Error ? thrown.message : String(thrown);
      setError(`${what}: ${message}`);
      return { ok: false, error: { code: 'INTERNAL_SERVER_ERROR', message } };
    }
  }, []);

  useEffect(() => {
    let live = true;
    let heardEvent = false;
    const stop = bridge.onState((next) => {
      heardEvent = true;
      if (next.activeTabId !== null) lastShownTabId = next.activeTabId;
      setState(next);
    });
    void bridge.list().then(
      (answer) => {
        if (!live) return;
        if (!answer.ok) {
          setError(`Could not list the helpdesk tabs: ${answer.error.message}`);
          return;
        }
        // An event that came first is newer than this answer.
        if (!heardEvent) setState(answer.value);
        if (answer.value.activeTabId !== null) lastShownTabId = answer.value.activeTabId;
        const restore = lastShownTabId;
        if (answer.value.activeTabId === null && restore !== null && answer.value.tabs.some((t) => t.tabId === restore)) {
          void bridge.activate(restore);
        }
      },
      (thrown: unknown) => {
        if (live) setError(`Could not list the helpdesk tabs: ${thrown instanceof Error ? thrown.message : String(thrown)}`);
      },
    );
    return () => {
      live = false;
      stop();
      // Off this screen the web view would cover the console: hide it.
      void bridge.activate(null);
    };
  }, [bridge]);

  const open = useCallback(
    async (request: HelpdeskOpenRequest) => {
      // Main shows a tab it opens; its state event says so.
      await run(bridge.open(request), 'Could not open the helpdesk');
    },
    [bridge, run],
  );
  const activate = useCallback(
    async (tabId: string | null) => {
      if (tabId === null) lastShownTabId = null;
      await run(bridge.activate(tabId), 'Could not show the helpdesk tab');
    },
    [bridge, run],
  );
  const close = useCallback(
    async (tabId: string) => {
      if (lastShownTabId === tabId) lastShownTabId = null;
      await run(bridge.close(tabId), 'Could not close the helpdesk tab');
    },
    [bridge, run],
  );

  return { state, error, open, activate, close };
}
