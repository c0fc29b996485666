/**
 * Widget conversations for the console, through the widget's agent API (widget.queue.*,
 * widget.conversations.*): the queue and an open transcript are read again every few seconds,
 * so a visitor's new message shows up while a lead is answering.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { WidgetConversationStatus } from '@tandem/shared';
import { useConsoleSession } from '../shell/consoleSession';

const QUEUE_POLL_MS = 3_000;
const TRANSCRIPT_POLL_MS = 1_500;

export const HANDOFF_STATUSES: readonly WidgetConversationStatus[] = ['waiting-for-human', 'human'];
export const ALL_STATUSES: readonly WidgetConversationStatus[] = ['waiting-for-human', 'human', 'ai', 'closed'];

export function useConversationList(statuses: readonly WidgetConversationStatus[]) {
  const { client } = useConsoleSession();
  return useQuery({
    queryKey: ['conversations', 'list', statuses.join(',')],
    queryFn: ({ signal }) => client.widget.queue.list.query({ statuses: [...statuses], limit: 200 }, { signal }),
    refetchInterval: QUEUE_POLL_MS,
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
