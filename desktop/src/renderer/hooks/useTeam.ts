/** Team tokens and widget sites for the console: lists, and the admin's changes (which refresh them). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Role } from '@tandem/shared';
import { useConsoleSession } from '../shell/consoleSession';

export function useTokens() {
  const { client } = useConsoleSession();
  return useQuery({ queryKey: ['team', 'tokens'], queryFn: ({ signal }) => client.team.listTokens.query(undefined, { signal }) });
}

export function useCreateToken() {
  const { client } = useConsoleSession();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; role: Role }) => client.team.createToken.mutate(input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['team', 'tokens'] }),
  });
}

export function useRevokeToken() {
  const { client } = useConsoleSession();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => client.team.revokeToken.mutate({ id }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['team', 'tokens'] }),
  });
}

export function useSites(enabled: boolean) {
  const { client } = useConsoleSession();
  return useQuery({ queryKey: ['team', 'sites'], queryFn: ({ signal }) => client.widget.sites.list.query(undefined, { signal }), enabled });
}

export interface SiteChange {
  id: string;
  allowedOrigins: string[];
  confidenceThreshold: number;
  theme: {
    accentColor: string;
    position: 'bottom-right' | 'bottom-left';
    colorScheme: 'light' | 'dark' | 'auto';
    title: string;
    greeting: string;
  };
}

export function useUpdateSite() {
  const { client } = useConsoleSession();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: SiteChange) => client.widget.sites.update.mutate(change),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['team', 'sites'] }),
  });
}
