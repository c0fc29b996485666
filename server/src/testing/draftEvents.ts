/**
 * Drafts a reply through the real API for tests and benchmarks: starts the draft and collects its
 * events until `done` or `error`.
 */
import type { DraftEvent, TicketContextInput } from '@tandem/shared';
import type { ServerClient } from '../cli/serverClient.js';

export async function draftEvents(api: ServerClient, ticket: TicketContextInput): Promise<DraftEvent[]> {
  const { draftId } = await api.assist.start.mutate({ ticket });
  const events: DraftEvent[] = [];
  await new Promise<void>((resolve, reject) => {
    const sub = api.assist.draft.subscribe(
      { draftId },
      {
        onData: ({ data }) => {
          events.push(data);
          if (data.type === 'done' || data.type === 'error') {
            sub.unsubscribe();
            resolve();
          }
        },
        onError: reject,
      },
    );
  });
  return events;
}
