/** Proactive alerts (cart abandoned, payment failed, frustration, SLA wait): those missed since the last event id, then new ones. */
import { tracked, type TrackedEnvelope } from '@trpc/server';
import type { z } from 'zod';
import type { HandlerOptions } from '../../trpc/procedures.js';
import type { alertEvent, alertsInput } from './alerts.schema.js';

export async function* alertsHandler({
  ctx,
  input,
  signal,
}: HandlerOptions<z.output<typeof alertsInput>>): AsyncGenerator<TrackedEnvelope<z.output<typeof alertEvent>>> {
  for await (const [id, alert] of ctx.live.alerts(ctx.tenantId, input.lastEventId, signal)) yield tracked(id, alert);
}
