/** The workspace's presences a lead may follow, refreshed every few seconds while the Copilot screen is open. */
import { useQuery } from '@tanstack/react-query';
import { useConsoleSession } from '../shell/consoleSession';

export const PRESENCE_LIST_POLL_MS = 3_000;

export function usePresenceList(enabled: boolean) {
  const { client } = useConsoleSession();
  return useQuery({
    queryKey: ['presence', 'list'],
    queryFn: ({ signal }) => client.presence.list.query(undefined, { signal }),
    refetchInterval: PRESENCE_LIST_POLL_MS,
    enabled,
  });
}
