/**
 * Drafts a reply through the real API for tests and benchmarks: starts the draft and collects its
 * events until `done` or `error`.
 */
import type { DraftEvent, TicketContextInput } from '@tandem/shared';
import type { ServerClient } from '../cli/serverClient.js';

type DraftOptionsInput = Parameters<ServerClient['assist']['start']['mutate']>[0]['options'];

export async function draftEvents(api: ServerClient, ticket: TicketContextInput, options?: DraftOptionsInput): Promise<DraftEvent[]> {
  const { draftId } = await api.assist.start.mutate({ ticket, ...(options === undefined ? {} : { options }) });
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
