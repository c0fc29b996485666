/**
 * The live state a widget answer may read. A verified visitor's answers read their customer's
 * state, found by the verified user id — through the workspace's connectors and live context
 * when it is an e-mail address, through the live context's external id otherwise. An anonymous
 * visitor's answers read none, whatever e-mail they type into the chat.
 */
import type { CustomerLiveState } from '@tandem/shared';
import { noLiveState, type LiveStateSource } from '../assist/index.js';
import type { LiveContext } from '../live/index.js';
import { customerRefOf } from './identity.js';

export function verifiedLive(byEmail: LiveStateSource, projected: Pick<LiveContext, 'stateFor'>, userId: string | null): LiveStateSource {
  if (userId === null) return noLiveState;
  const ref = customerRefOf(userId);
  return {
    forTicket(tenantId, ticket, signal): Promise<CustomerLiveState | undefined> {
      if (ref.email !== undefined)
        return byEmail.forTicket(tenantId, { ...ticket, requester: { ...ticket.requester, email: ref.email } }, signal);
      return projected.stateFor(tenantId, ref);
    },
  };
}
