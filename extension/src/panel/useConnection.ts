/**
 * The panel's live connection state: checked at open, whenever the settings change, whenever the
 * panel becomes visible again, and every 15 seconds, so a restarted server or a revoked token shows up
 * without a reload.
 */
import { useEffect, useState } from 'react';
import { checkConnection } from '../connection/checkConnection';
import type { ConnectionState } from '../connection/connectionState';
import { fetchSession } from '../connection/tandemClient';
import { settingsFromStorage } from '../settings/settings';
import { readStoredSettings, watchSettings } from '../settings/settingsStorage';

export const RECHECK_INTERVAL_MS = 15_000;

/** Undefined until the first check finishes. */
export function useConnection(): ConnectionState | undefined {
  const [state, setState] = useState<ConnectionState>();

  useEffect(() => {
    let disposed = false;
    let generation = 0;

    const check = async () => {
      const mine = ++generation;
      const next = await checkConnection(settingsFromStorage(await readStoredSettings()), fetchSession);
      // A slow check against old settings must not overwrite the answer for the new ones.
      if (!disposed && mine === generation) setState(next);
    };
    const onVisibility = () => {
      if (document.visibilityState === 'visible') void check();
    };

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

  return state;
}
