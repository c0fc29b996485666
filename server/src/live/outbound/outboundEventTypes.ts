/**
 * The events Tandem sends to a tenant's own systems. One list, so the store, the API and the
 * sender agree on what an endpoint may subscribe to.
 */
import { z } from 'zod';

export const OUTBOUND_EVENT_TYPES = ['handoff.created', 'action.executed', 'alert.fired'] as const;
export const outboundEventTypeSchema = z.enum(OUTBOUND_EVENT_TYPES);
export type OutboundEventType = z.infer<typeof outboundEventTypeSchema>;
