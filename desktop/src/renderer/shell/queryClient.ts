/**
 * The console's React Query client: a refused token anywhere ends the session (once), and a
 * refused request is never retried; other failures are retried once before the screen shows them.
 */
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { describeError } from '../api/errors';

export function createConsoleQueryClient(onUnauthorized: () => void): QueryClient {
  const onError = (err: unknown) => {
    if (describeError(err).unauthorized) onUnauthorized();
  };
  return new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        retry: (failures, err) => !describeError(err).unauthorized && failures < 1,
        staleTime: 5_000,
        refetchOnWindowFocus: true,
      },
      mutations: { retry: false },
    },
  });
}

/** One sentence for an error a screen shows. */
export function errorText(err: unknown): string {
  return describeError(err).message;
}
