/**
 * Follows a presence live: the signed-in user's own (the Copilot screen beside their browser) or,
 * for a lead, an agent's (read-only). The newest snapshot wins; the tRPC link reconnects a dropped
 * stream itself and the server resends the newest state.
 */
import { useEffect, useState } from 'react';
import type { PresenceSnapshot } from '@tandem/shared';
import type { ConsoleClient } from '../api/client';
import { describeError } from '../api/errors';

export type PresenceView =
  { kind: 'connecting' } | { kind: 'following'; snapshot: PresenceSnapshot } | { kind: 'error'; message: string; unauthorized: boolean };

export function usePresence(client: ConsoleClient, userId: string | undefined): PresenceView {
  const [view, setView] = useState<{ key: string; view: PresenceView }>({ key: '', view: { kind: 'connecting' } });
  const key = userId ?? '';

  useEffect(() => {
    const subscription = client.presence.follow.subscribe(userId === undefined ? {} : { userId }, {
      onData: ({ data }) => setView({ key, view: { kind: 'following', snapshot: data } }),
      onError: (error) => {
        const described = describeError(error);
        setView({ key, view: { kind: 'error', message: described.message, unauthorized: described.unauthorized } });
      },
    });
    return () => subscription.unsubscribe();
  }, [client, userId, key]);

  // A change of whom to follow shows "connecting" until that presence answers, never the previous one.
  return view.key === key ? view.view : { kind: 'connecting' };
}
