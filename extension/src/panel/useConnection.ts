/**
 * The panel's live connection state: checked at open, whenever the settings change, whenever the
 * panel becomes visible again, and every 15 seconds, so a restarted server or a revoked token shows up
 * without a reload.
 */
import { useEffect, useRef, useState } from 'react';
import { checkConnection } from '../connection/checkConnection';
import type { ConnectionState } from '../connection/connectionState';
import type { ExtensionSettings } from '../settings/settings';
import { fetchSession } from '../connection/tandemClient';
import { settingsFromStorage } from '../settings/settings';
import { readStoredSettings, watchSettings } from '../settings/settingsStorage';

export const RECHECK_INTERVAL_MS = 15_000;

export interface PanelConnection {
  /** Undefined until the first check finishes. */
  state: ConnectionState | undefined;
  /** The settings that state was checked with. */
  settings: ExtensionSettings | undefined;
  /** Checks again now (the offline state's "Try again"). */
  recheck: () => void;
}

type Checked = Omit<PanelConnection, 'recheck'>;

export function useConnection(): PanelConnection {
  const [connection, setConnection] = useState<Checked>({ state: undefined, settings: undefined });
  const checkNow = useRef<() => void>(() => undefined);

  useEffect(() => {
    let disposed = false;
    let generation = 0;

    const check = async () => {
      const mine = ++generation;
      const settings = settingsFromStorage(await readStoredSettings());
      const state = await checkConnection(settings, fetchSession);
      // A slow check against old settings must not overwrite the answer for the new ones.
      if (!disposed && mine === generation)
        setConnection((previous) => (sameConnection(previous, state, settings) ? previous : { state, settings }));
    };
    const onVisibility = () => {
      if (document.visibilityState === 'visible') void check();
    };

    checkNow.current = () => void check();
    void check();
    const unwatch = watchSettings(() => void check());
    const timer = setInterval(() => void check(), RECHECK_INTERVAL_MS);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      disposed = true;
      unwatch();
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, []);

  const [recheck] = useState(() => () => checkNow.current());
  return { ...connection, recheck };
}

/** A re-check with the same outcome keeps the same object, so nothing downstream restarts every 15 s. */
function sameConnection(previous: Checked, state: ConnectionState, settings: ExtensionSettings | undefined): boolean {
  return (
    previous.settings?.serverUrl === settings?.serverUrl &&
    previous.settings?.apiToken === settings?.apiToken &&
    JSON.stringify(previous.state) === JSON.stringify(state)
  );
}
