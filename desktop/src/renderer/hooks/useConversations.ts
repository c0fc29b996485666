/**
 * Widget conversations for the console, through the widget's agent API (widget.queue.*,
 * widget.conversations.*): the queue's change stream (widget.queue.watch) refreshes the list
 * and the open transcript as visitors write, so a new message shows up while a lead is
 * answering; a slow poll covers a stream that is down.
 */
import { useEffect } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { WidgetConversationStatus } from '@tandem/shared';
import { useConsoleSession } from '../shell/consoleSession';

/** Only while the change stream is down does this matter. */
const QUEUE_POLL_MS = 10_000;
const TRANSCRIPT_POLL_MS = 5_000;

export const HANDOFF_STATUSES: readonly WidgetConversationStatus[] = ['waiting-for-human', 'human'];
export const ALL_STATUSES: readonly WidgetConversationStatus[] = ['waiting-for-human', 'human', 'ai', 'closed'];

/** Follows the workspace's conversation changes while mounted, refreshing what the screen shows. */
export function useQueueWatch(): void {
  const { client } = useConsoleSession();
  const queryClient = useQueryClient();
  useEffect(() => {
    const subscription = client.widget.queue.watch.subscribe(
      {},
      {
        onData: () => void queryClient.invalidateQueries({ queryKey: ['conversations'] }),
        // The link reconnects by itself; meanwhile the polls keep the screen current.
        onError: () => undefined,
      },
    );
    return () => subscription.unsubscribe();
  }, [client, queryClient]);
}

export function useConversationList(statuses: readonly WidgetConversationStatus[]) {
  const { client } = useConsoleSession();
  return useQuery({
    queryKey: ['conversations', 'list', statuses.join(',')],
    queryFn: ({ signal }) => client.widget.queue.list.query({ statuses: [...statuses], limit: 200 }, { signal }),
    refetchInterval: QUEUE_POLL_MS,
  });
}

/** Conversations whose transcript, visitor or site has every word of `query` (server-side), with the matching line. */
export function useConversationSearch(query: string, statuses: readonly WidgetConversationStatus[]) {
  const { client } = useConsoleSession();
  const text = query.trim();
  return useQuery({
    queryKey: ['conversations', 'search', statuses.join(','), text],
    queryFn: ({ signal }) => client.conversations.search.query({ query: text, statuses: [...statuses], limit: 50 }, { signal }),
    enabled: text !== '',
  });
}

export function useConversation(conversationId: string | null) {
  const { client } = useConsoleSession();
  return useQuery({
    queryKey: ['conversations', 'one', conversationId],
    queryFn: ({ signal }) => client.widget.conversations.get.query({ conversationId: conversationId as string }, { signal }),
    enabled: conversationId !== null,
    refetchInterval: TRANSCRIPT_POLL_MS,
  });
}

function useConversationChange<TInput>(run: (input: TInput) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: run, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['conversations'] }) });
}

export function useReply() {
  const { client } = useConsoleSession();
  return useConversationChange((input: { conversationId: string; text: string }) => client.widget.conversations.reply.mutate(input));
}

export function useHandBack() {
  const { client } = useConsoleSession();
  return useConversationChange((conversationId: string) => client.widget.conversations.handBack.mutate({ conversationId }));
}

export function useCloseConversation() {
  const { client } = useConsoleSession();
  return useConversationChange((conversationId: string) => client.widget.conversations.close.mutate({ conversationId }));
}
