/**
 * The background's side of follow mode, free of `chrome.*` so it runs in tests: publishes the
 * agent's current ticket (never page HTML; the server redacts it on arrival) whenever it changes,
 * latest wins while a publication is in flight; listens on the agent's own presence inbox for who
 * follows and for drafts the desktop asks to insert, inserts each through the host (the existing
 * composer insert path) and acknowledges it. Paused, it publishes nothing and tells the server.
 */
import {
  presenceInboxEventSchema,
  type PresenceAckInput,
  type PresenceDraft,
  type PresenceFollower,
  type PresencePublishInput,
  type TicketContext,
} from '@tandem/shared';

export interface PresenceApi {
  publish(input: PresencePublishInput): Promise<unknown>;
  pause(): Promise<unknown>;
  resume(): Promise<unknown>;
  ack(input: PresenceAckInput): Promise<unknown>;
  inbox(handlers: { onData(event: unknown): void; onError(error: unknown): void }): { unsubscribe(): void };
}

export interface FollowHost {
  /** Puts `text` into the composer of the tab showing `ticketId`; says how it went. */
  insert(ticketId: string, requestId: string, text: string): Promise<{ ok: true } | { ok: false; error: string }>;
  onFollowers(followers: PresenceFollower[]): void;
  onError(what: string, error: unknown): void;
}

export interface PresenceLink {
  /** The agent's current ticket (null: none open) and draft state changed. */
  publish(ticket: TicketContext | null, draft?: PresenceDraft | null): void;
  /** The side panel's draft for `ticketId` changed: published with the current ticket, if that is still the one. */
  updateDraft(ticketId: string, draft: PresenceDraft): void;
  setPaused(paused: boolean): Promise<void>;
  stop(): void;
  /** Settles when everything published so far has been sent (tests). */
  idle(): Promise<void>;
}

export function startPresenceLink(api: PresenceApi, host: FollowHost, initiallyPaused: boolean): PresenceLink {
  let paused = initiallyPaused;
  let stopped = false;
  let pending: PresencePublishInput | undefined;
  let sending: Promise<void> = Promise.resolve();
  let last: { ticket: TicketContext | null; draft: PresenceDraft | null } = { ticket: null, draft: null };

  const flush = (): Promise<void> => {
    sending = sending.then(async () => {
      const next = pending;
      pending = undefined;
      if (next === undefined || paused || stopped) return;
      try {
        await api.publish(next);
      } catch (error) {
        host.onError('publish', error);
      }
    });
    return sending;
  };

  const inbox = api.inbox({
    onData: (raw) => {
      const event = presenceInboxEventSchema.safeParse(raw);
      if (!event.success) return host.onError('inbox', event.error);
      if (event.data.kind === 'followers') return host.onFollowers(event.data.followers);
      const { requestId, ticketId, text } = event.data;
      void host
        .insert(ticketId, requestId, text)
        .then((reply) =>
          api.ack(reply.ok ? { requestId, outcome: 'inserted' } : { requestId, outcome: 'failed', detail: reply.error.slice(0, 500) }),
        )
        .catch((error: unknown) => host.onError('insert', error));
    },
    onError: (error) => host.onError('inbox', error),
  });

  const publish = (ticket: TicketContext | null, draft: PresenceDraft | null = null): void => {
    // The same ticket read again keeps its draft; another ticket starts without one.
    const keep = draft ?? (ticket !== null && ticket.ticketId === last.ticket?.ticketId ? (last.draft ?? null) : null);
    last = { ticket, draft: keep };
    if (paused || stopped) return;
    pending = last;
    void flush();
  };

  if (paused) void api.pause().catch((error: unknown) => host.onError('pause', error));

  return {
    publish,
    updateDraft(ticketId, draft) {
      if (last.ticket?.ticketId !== ticketId) return;
      publish(last.ticket, draft);
    },
    async setPaused(next) {
      if (next === paused) return;
      paused = next;
      try {
        if (paused) {
          pending = undefined;
          await api.pause();
        } else {
          await api.resume();
          // Resuming shows the ticket open now, not nothing until the next change.
          pending = last;
          await flush();
        }
      } catch (error) {
        host.onError(paused ? 'pause' : 'resume', error);
      }
    },
    stop() {
      stopped = true;
      inbox.unsubscribe();
    },
    idle: () => sending,
  };
}
