/**
 * A workspace's outbound webhook endpoints (its own systems hearing about handoffs, executed
 * actions and alerts) and their delivery log. A URL that may not be sent to is refused when it is
 * registered, not only later in the delivery log.
 */
import type { OutboundEventType } from '@tandem/shared';
import { ServiceError } from '../../errors/serviceError.js';
import type { OutboundDeliveryStatus, OutboundRepo } from '../../storage/outboundRepo.js';
import { endpointUrlRefusal } from './outboundHttp.js';
import { MAX_OUTBOUND_ENDPOINTS } from './outboundWebhooks.js';

export interface OutboundDeliveryView {
  id: string;
  endpointId: string;
  eventId: string;
  type: OutboundEventType;
  status: OutboundDeliveryStatus;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: string;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
}

export function outboundEndpoints(repo: OutboundRepo, options: { allowPrivateUrls: boolean }) {
  return {
    /** A new endpoint, with the secret its receiver verifies signatures with (returned only here). */
    async create(tenantId: string, input: { url: string; eventTypes: readonly OutboundEventType[] }) {
      const active = (await repo.listEndpoints(tenantId)).filter((e) => e.disabledAt === null);
      if (active.length >= MAX_OUTBOUND_ENDPOINTS)
        throw new ServiceError('BAD_REQUEST', `A workspace can have at most ${MAX_OUTBOUND_ENDPOINTS} endpoints`);
      // Checked again before every send; refusing here tells the admin now rather than in the delivery log.
      const refusal = await endpointUrlRefusal(input.url, { allowPrivateUrls: options.allowPrivateUrls });
      if (refusal !== undefined) throw new ServiceError('BAD_REQUEST', `This URL cannot be sent to: ${refusal}`);
      const endpoint = await repo.createEndpoint({ tenantId, url: input.url, eventTypes: input.eventTypes });
      return { id: endpoint.id, url: endpoint.url, eventTypes: endpoint.eventTypes, secret: endpoint.secret };
    },
    list: (tenantId: string) => repo.listEndpoints(tenantId),
    /** Stops sending to an endpoint; what was still pending for it fails as "endpoint disabled". */
    async disable(tenantId: string, id: string, at = new Date()): Promise<void> {
      if (!(await repo.disableEndpoint(tenantId, id, at))) throw new ServiceError('NOT_FOUND', 'No such endpoint in this workspace');
    },
    /** The delivery log, newest first: what was sent where and how it went, never the payload or the secret. */
    async deliveries(tenantId: string, limit: number): Promise<OutboundDeliveryView[]> {
      return (await repo.listDeliveries(tenantId, limit)).map((d) => ({
        id: d.id,
        endpointId: d.endpointId,
        eventId: d.eventId,
        type: d.eventType,
        status: d.status,
        attempts: d.attempts,
        lastStatusCode: d.lastStatusCode,
        lastError: d.lastError,
        createdAt: d.createdAt,
        nextAttemptAt: d.status === 'pending' ? d.nextAttemptAt : null,
        deliveredAt: d.deliveredAt,
      }));
    },
  };
}

export type OutboundEndpoints = ReturnType<typeof outboundEndpoints>;
