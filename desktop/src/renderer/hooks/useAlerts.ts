/**
 * Analytics alert rules for the console (alerts.*) and the live alert stream (live.alerts): a
 * pushed alert refreshes the rules (whose open breaches it reports) and joins the recent list; a
 * slow poll covers a stream that is down.
 */
import { useEffect, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AlertRuleSettings } from '@tandem/shared';
import { useConsoleSession } from '../shell/consoleSession';

const POLL_MS = 15_000;
const RECENT_LIMIT = 50;

export interface LiveAlert {
  seq: number;
  kind: string;
  title: string;
  detail: string;
  at: string;
}

export function useAlertRules() {
  const { client } = useConsoleSession();
  return useQuery({
    queryKey: ['alerts', 'rules'],
    queryFn: ({ signal }) => client.alerts.list.query(undefined, { signal }),
    refetchInterval: POLL_MS,
  });
}

/** The alerts raised while the screen is open (and those the stream replays on connecting), newest first. */
export function useLiveAlerts(): { alerts: readonly LiveAlert[]; connected: boolean } {
  const { client } = useConsoleSession();
  const queryClient = useQueryClient();
  const [alerts, setAlerts] = useState<readonly LiveAlert[]>([]);
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    const subscription = client.live.alerts.subscribe(
      {},
      {
        onStarted: () => setConnected(true),
        onData: ({ data }) => {
          const alert: LiveAlert = { seq: data.seq, kind: data.kind, title: data.title, detail: data.detail, at: data.at };
          setAlerts((list) =>
            list.some((a) => a.seq === alert.seq) ? list : [alert, ...list].sort((a, b) => b.seq - a.seq).slice(0, RECENT_LIMIT),
          );
          void queryClient.invalidateQueries({ queryKey: ['alerts'] });
        },
        // The link reconnects by itself (resuming from the last event id); the poll keeps rules current.
        onError: () => setConnected(false),
        onStopped: () => setConnected(false),
      },
    );
    return () => subscription.unsubscribe();
  }, [client, queryClient]);
  return { alerts, connected };
}

function useAlertChange<TInput>(run: (input: TInput) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: run, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['alerts'] }) });
}

export function useCreateAlertRule() {
  const { client } = useConsoleSession();
  return useAlertChange((rule: AlertRuleSettings) => client.alerts.create.mutate(rule));
}

export function useUpdateAlertRule() {
  const { client } = useConsoleSession();
  return useAlertChange((input: { id: string; rule: AlertRuleSettings }) => client.alerts.update.mutate(input));
}

export function useDeleteAlertRule() {
  const { client } = useConsoleSession();
  return useAlertChange((id: string) => client.alerts.delete.mutate({ id }));
}

export function useAcknowledgeAlert() {
  const { client } = useConsoleSession();
  return useAlertChange((id: string) => client.alerts.acknowledge.mutate({ id }));
}
