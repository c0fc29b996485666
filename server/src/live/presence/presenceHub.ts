/**
 * Follow mode's per-user presence, in process (like the other live streams): each signed-in user
 * (one API token) has at most one presence per workspace holding the redacted ticket and draft the
 * extension last published. Followers get the newest state at once and after every change; the
 * extension's inbox hears who follows it and the drafts the desktop asks it to insert, and answers
 * each request with an acknowledgement. Paused (or never published) means nothing is stored.
 */
import { randomUUID } from 'node:crypto';
import type {
  Principal,
  PresenceAckInput,
  PresenceDraft,
  PresenceFollower,
  PresenceInboxEvent,
  PresenceInsertInput,
  PresenceInsertOutput,
  PresenceSnapshot,
  PresenceSummary,
  TicketContext,
} from '@tandem/shared';
import { ServiceError } from '../../errors/serviceError.js';
import type { PiiVault } from '../../security/redactPii.js';
import { redactPresence } from './redactPresence.js';
import { signalQueue } from '../signalQueue.js';

/** How long the desktop waits for the extension to insert a draft. */
const INSERT_TIMEOUT_MS = 10_000;

interface Follower extends PresenceFollower {
  id: number;
  push(snapshot: PresenceSnapshot): void;
}

interface Presence {
  tenantId: string;
  userId: string;
  name: string;
  role: Principal['role'];
  paused: boolean;
  seq: number;
  updatedAt: string | null;
  ticket: TicketContext | null;
  draft: PresenceDraft | null;
  vault: PiiVault | null;
  followers: Map<number, Follower>;
  inboxes: Set<(event: PresenceInboxEvent) => void>;
  pending: Map<string, (answer: PresenceInsertOutput) => void>;
}

export interface PresenceHubOptions {
  insertTimeoutMs?: number;
}

export function presenceHub(options: PresenceHubOptions = {}) {
  const insertTimeoutMs = options.insertTimeoutMs ?? INSERT_TIMEOUT_MS;
  const presences = new Map<string, Presence>();
  let nextFollowerId = 1;

  const keyOf = (tenantId: string, userId: string) => `${tenantId}\u0000${userId}`;

  function presenceOf(principal: Principal): Presence {
    const key = keyOf(principal.tenantId, principal.tokenId);
    let presence = presences.get(key);
    if (presence === undefined) {
      presence = {
        tenantId: principal.tenantId,
        userId: principal.tokenId,
        name: principal.name,
        role: principal.role,
        paused: false,
        seq: 0,
        updatedAt: null,
        ticket: null,
        draft: null,
        vault: null,
        followers: new Map(),
        inboxes: new Set(),
        pending: new Map(),
      };
      presences.set(key, presence);
    }
    // A token renamed or given another role since is shown as it is now.
    presence.name = principal.name;
    presence.role = principal.role;
    return presence;
  }

  /** Forgets a presence nobody holds any more, so the map does not grow with every token ever seen. */
  function release(presence: Presence): void {
    if (presence.followers.size > 0 || presence.inboxes.size > 0 || presence.pending.size > 0) return;
    if (presence.ticket !== null || presence.draft !== null || presence.paused) return;
    presences.delete(keyOf(presence.tenantId, presence.userId));
  }

  const snapshotFor = (presence: Presence, readOnly: boolean): PresenceSnapshot => ({
    userId: presence.userId,
    userName: presence.name,
    readOnly,
    paused: presence.paused,
    seq: presence.seq,
    updatedAt: presence.updatedAt,
    ticket: presence.ticket,
    draft: presence.draft,
  });

  function broadcast(presence: Presence): void {
    for (const follower of presence.followers.values()) follower.push(snapshotFor(presence, follower.readOnly));
  }

  function tellInboxes(presence: Presence): void {
    const followers = [...presence.followers.values()].map(({ name, role, readOnly }) => ({ name, role, readOnly }));
    for (const send of presence.inboxes) send({ kind: 'followers', followers, paused: presence.paused });
  }

  function clear(presence: Presence): void {
    presence.seq += 1;
    presence.updatedAt = new Date().toISOString();
    presence.ticket = null;
    presence.draft = null;
    presence.vault = null;
  }

  return {
    /** Stores the redacted ticket and draft and tells every follower; refused (not stored) while paused. */
    publish(principal: Principal, ticket: TicketContext | null, draft: PresenceDraft | null): { accepted: boolean; seq: number } {
      const presence = presenceOf(principal);
      if (presence.paused) return { accepted: false, seq: presence.seq };
      const redacted = redactPresence(ticket, draft);
      presence.seq += 1;
      presence.updatedAt = new Date().toISOString();
      presence.ticket = redacted.ticket;
      presence.draft = redacted.draft;
      presence.vault = redacted.vault;
      broadcast(presence);
      release(presence);
      return { accepted: true, seq: presence.seq };
    },

    /** Stops publication: the stored state is dropped and followers see the presence paused and empty. */
    pause(principal: Principal): { paused: boolean } {
      const presence = presenceOf(principal);
      presence.paused = true;
      clear(presence);
      broadcast(presence);
      tellInboxes(presence);
      return { paused: true };
    },

    resume(principal: Principal): { paused: boolean } {
      const presence = presenceOf(principal);
      presence.paused = false;
      presence.seq += 1;
      broadcast(presence);
      tellInboxes(presence);
      release(presence);
      return { paused: false };
    },

    /**
     * A presence now and after every change until `signal` aborts. The caller's own presence is
     * followed read-write; another user's only by a lead or an admin, read-only, and that user's
     * extension hears it is being followed.
     */
    async *follow(principal: Principal, userId: string | undefined, signal: AbortSignal | undefined): AsyncGenerator<PresenceSnapshot> {
      const own = userId === undefined || userId === principal.tokenId;
      if (!own && principal.role === 'agent')
        throw new ServiceError('FORBIDDEN', "Following another agent's ticket needs the lead or admin role");
      const presence = own ? presenceOf(principal) : presences.get(keyOf(principal.tenantId, userId ?? principal.tokenId));
      if (presence === undefined) throw new ServiceError('NOT_FOUND', 'That person has no presence to follow (follow mode off)');
      const queue = signalQueue<PresenceSnapshot>(signal);
      const follower: Follower = { id: nextFollowerId++, name: principal.name, role: principal.role, readOnly: !own, push: queue.push };
      presence.followers.set(follower.id, follower);
      tellInboxes(presence);
      try {
        yield snapshotFor(presence, follower.readOnly);
        yield* queue.drain();
      } finally {
        presence.followers.delete(follower.id);
        tellInboxes(presence);
        release(presence);
      }
    },

    /** The extension's side of its own presence: who follows it, then drafts to insert. */
    async *inbox(principal: Principal, signal: AbortSignal | undefined): AsyncGenerator<PresenceInboxEvent> {
      const presence = presenceOf(principal);
      const queue = signalQueue<PresenceInboxEvent>(signal);
      presence.inboxes.add(queue.push);
      try {
        const followers = [...presence.followers.values()].map(({ name, role, readOnly }) => ({ name, role, readOnly }));
        yield { kind: 'followers', followers, paused: presence.paused };
        yield* queue.drain();
      } finally {
        presence.inboxes.delete(queue.push);
        release(presence);
      }
    },

    /**
     * Sends a draft to the caller's own extension and waits for it to say whether the draft landed in
     * the composer. Placeholders from the redacted ticket are restored on the way: the page the text
     * goes to already shows those values.
     */
    async requestInsert(principal: Principal, input: PresenceInsertInput, signal?: AbortSignal): Promise<PresenceInsertOutput> {
      const presence = presences.get(keyOf(principal.tenantId, principal.tokenId));
      if (presence === undefined || presence.inboxes.size === 0) {
        return { outcome: 'no-extension', detail: 'No signed-in extension is listening for this user' };
      }
      if (presence.ticket?.ticketId !== input.ticketId) {
        return { outcome: 'ticket-changed', detail: 'The page shows another ticket now' };
      }
      const requestId = randomUUID();
      const text = presence.vault?.restore(input.text) ?? input.text;
      const answer = new Promise<PresenceInsertOutput>((resolve) => {
        const timer = setTimeout(() => finish({ outcome: 'timeout', detail: 'The extension did not answer' }), insertTimeoutMs);
        const onAbort = () => finish({ outcome: 'failed', detail: 'The request was cancelled' });
        function finish(result: PresenceInsertOutput) {
          clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
          presence?.pending.delete(requestId);
          resolve(result);
        }
        signal?.addEventListener('abort', onAbort, { once: true });
        presence.pending.set(requestId, finish);
      });
      for (const send of presence.inboxes) send({ kind: 'insert', requestId, ticketId: input.ticketId, text });
      const result = await answer;
      release(presence);
      return result;
    },

    /** The extension's answer to one insert request; an unknown or late id is refused. */
    acknowledge(principal: Principal, input: PresenceAckInput): { ok: true } {
      const finish = presences.get(keyOf(principal.tenantId, principal.tokenId))?.pending.get(input.requestId);
      if (finish === undefined) throw new ServiceError('NOT_FOUND', 'No insert request with that id is waiting');
      finish({ outcome: input.outcome, ...(input.detail === undefined ? {} : { detail: input.detail }) });
      return { ok: true };
    },

    /** The workspace's presences a lead may follow (those publishing or paused), newest first. */
    list(tenantId: string): PresenceSummary[] {
      return [...presences.values()]
        .filter((p) => p.tenantId === tenantId && (p.ticket !== null || p.paused || p.inboxes.size > 0))
        .map((p) => ({
          userId: p.userId,
          name: p.name,
          role: p.role,
          paused: p.paused,
          onTicket: p.ticket !== null,
          updatedAt: p.updatedAt,
        }))
        .sort((a, b) => (b.updatedAt ?? '').localeCompare(a.updatedAt ?? ''));
    },
  };
}

export type PresenceHub = ReturnType<typeof presenceHub>;
