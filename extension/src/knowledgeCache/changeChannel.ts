/**
 * The push side of the cache's sync: the server's `knowledge.changes` nudges as a small channel
 * the sync scheduler opens and closes. It reports every event it can read, and says when it is
 * down: reconnecting by itself (the network dropped) or ended for good (refused, ended by the
 * server, or an event it cannot read), in which case the scheduler opens a new one later.
 */
import { knowledgeChangeEventSchema, type KnowledgeChangeEvent } from '@tandem/shared';
import type { TandemClient } from '../connection/tandemClient';

export interface ChangeChannelHandlers {
  /** Any event, heartbeats included: the channel is up. */
  onEvent(event: KnowledgeChangeEvent): void;
  /** `ended`: this channel will not recover by itself; open another one to listen again. */
  onDown(detail: string, ended: boolean): void;
}

/** Opens a channel; the returned function closes it (no handler is called after that). */
export type OpenChangeChannel = (handlers: ChangeChannelHandlers) => () => void;

const messageOf = (error: unknown, fallback: string) => (error instanceof Error && error.message !== '' ? error.message : fallback);

/** `knowledge.changes` over the panel's tRPC client (server-sent events, resuming with the last event id). */
export function trpcChangeChannel(client: TandemClient): OpenChangeChannel {
  return (handlers) => {
    let open = true;
    const down = (detail: string, ended: boolean) => {
      if (!open) return;
      if (ended) open = false;
      handlers.onDown(detail, ended);
      if (ended) subscription.unsubscribe();
    };
    const subscription = client.knowledge.changes.subscribe(
      {},
      {
        onData: ({ data }) => {
          if (!open) return;
          // The server's word is checked like any input: an event this build cannot read ends the channel.
          const parsed = knowledgeChangeEventSchema.safeParse(data);
          if (parsed.success) handlers.onEvent(parsed.data);
          else down('The server sent a change notice this extension cannot read', true);
        },
        onConnectionStateChange: (state) => {
          if (state.state === 'connecting' && state.error !== null) down(messageOf(state.error, 'The change channel dropped'), false);
        },
        onError: (error) => down(messageOf(error, 'The change channel failed'), true),
        onStopped: () => down('The server ended the change channel', true),
        onComplete: () => down('The change channel closed', true),
      },
    );
    return () => {
      open = false;
      subscription.unsubscribe();
    };
  };
}
