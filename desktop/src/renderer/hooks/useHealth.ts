/**
 * Keeps the server's health current: fetched at once, then every 10 s after the previous answer
 * (never overlapping), and cancelled when the overview goes away.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { HealthStatus } from '@tandem/shared';
import type { ConsoleClient } from '../api/client';
import { describeError } from '../api/errors';

export const HEALTH_REFRESH_MS = 10_000;

export interface HealthState {
  health: HealthStatus | null;
  error: string | null;
  updatedAt: Date | null;
  refreshing: boolean;
}

export function useHealth(client: ConsoleClient, onUnauthorized: () => void): HealthState & { refresh: () => void } {
  const [state, setState] = useState<HealthState>({ health: null, error: null, updatedAt: null, refreshing: true });
  const onUnauthorizedRef = useRef(onUnauthorized);
  useEffect(() => {
    onUnauthorizedRef.current = onUnauthorized;
  }, [onUnauthorized]);
  const [tick, setTick] = useState(0);
  /** Asks again: marked refreshing here, in the event that starts it, not in the effect that fetches. */
  const next = useCallback(() => {
    setState((s) => ({ ...s, refreshing: true }));
    setTick((t) => t + 1);
  }, []);

  useEffect(() => {
    const abort = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    client.health.status
      .query(undefined, { signal: abort.signal })
      .then((health) => {
        if (abort.signal.aborted) return;
        setState({ health, error: null, updatedAt: new Date(), refreshing: false });
      })
      .catch((err: unknown) => {
        if (abort.signal.aborted) return;
        const described = describeError(err);
        if (described.unauthorized) {
          onUnauthorizedRef.current();
          return;
        }
        // Keep the last known health on screen; the error says it may be stale.
        setState((s) => ({ ...s, error: described.message, refreshing: false }));
      })
      .finally(() => {
        if (!abort.signal.aborted) timer = setTimeout(next, HEALTH_REFRESH_MS);
      });
    return () => {
      abort.abort();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [client, tick, next]);

  return { ...state, refresh: next };
}
