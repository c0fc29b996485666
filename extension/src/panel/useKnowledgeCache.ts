/**
 * The panel's local knowledge cache, tied to its connection: loaded from IndexedDB at once (so
 * cards work offline), synced from the server while connected (on each `knowledge.changes` push,
 * polling while that channel is down), marked offline while the server is unreachable, and
 * emptied when the agent is signed out (token rejected or removed).
 */
import { useEffect, useMemo, useState } from 'react';
import type { ConnectionState } from '../connection/connectionState';
import type { TandemClient } from '../connection/tandemClient';
import { openKnowledgeCacheDb } from '../knowledgeCache/cacheDb';
import { trpcChangeChannel } from '../knowledgeCache/changeChannel';
import { KnowledgeCacheService, type KnowledgeCacheState } from '../knowledgeCache/knowledgeCacheService';
import { clearKnowledgeCache } from '../knowledgeCache/syncKnowledge';
import type { ExtensionSettings } from '../settings/settings';

export interface PanelKnowledgeCache {
  service: KnowledgeCacheService;
  state: KnowledgeCacheState;
}

/** `client` is the panel's own (set while connected), so the cache follows with the same token. */
export function useKnowledgeCache(
  connection: ConnectionState | undefined,
  settings: ExtensionSettings | undefined,
  client: TandemClient | undefined,
): PanelKnowledgeCache {
  const [db] = useState(() => openKnowledgeCacheDb());
  const service = useMemo(() => new KnowledgeCacheService({ db }), [db]);
  const [state, setState] = useState(service.state);

  useEffect(() => {
    const unsubscribe = service.subscribe(setState);
    void service.load();
    return () => {
      unsubscribe();
      service.stopFollowing();
    };
  }, [service]);

  const kind = connection?.kind;
  const workspaceId = connection?.kind === 'connected' ? connection.session.workspace.id : undefined;
  const detail = connection?.kind === 'unreachable' ? connection.detail : undefined;
  useEffect(() => {
    if (kind === undefined) return;
    if (kind === 'connected' && settings !== undefined && workspaceId !== undefined) {
      if (client === undefined) return;
      void service.follow(
        { serverUrl: settings.serverUrl, workspaceId },
        (position, signal) => client.knowledge.sync.query(position, { signal }),
        trpcChangeChannel(client),
      );
      return () => service.stopFollowing();
    }
    if (kind === 'unreachable') {
      service.markOffline(detail ?? 'The server is unreachable');
      return;
    }
    // Signed out or no token: what this agent's workspace knows must not outlive their session.
    service.stopFollowing();
    void clearKnowledgeCache(db).then(() => service.reload());
    return;
  }, [db, service, kind, workspaceId, detail, settings, client]);

  return { service, state };
}
