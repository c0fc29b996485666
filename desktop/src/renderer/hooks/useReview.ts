/** The review queue's server state: the items, approving one (it becomes a knowledge document) and rejecting one. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useConsoleSession } from '../shell/consoleSession';

export function useReviewQueue() {
  const { client } = useConsoleSession();
  return useQuery({
    queryKey: ['review', 'list'],
    queryFn: ({ signal }) => client.review.list.query({}, { signal }),
    refetchInterval: 15_000,
  });
}

export function useApproveReview() {
  const { client } = useConsoleSession();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { itemId: string; question: string; answer: string }) => client.review.approve.mutate(input),
    onSuccess: () =>
      Promise.all([queryClient.invalidateQueries({ queryKey: ['review'] }), queryClient.invalidateQueries({ queryKey: ['knowledge'] })]),
  });
}

export function useRejectReview() {
  const { client } = useConsoleSession();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (itemId: string) => client.review.reject.mutate({ itemId }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['review'] }),
  });
}
