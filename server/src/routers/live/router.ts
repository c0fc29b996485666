import { procedureFor, router } from '../../trpc/init.js';
import { alertsHandler, countersHandler, customerStateHandler } from './live.handler.js';
import { TRPCError } from '@trpc/server';
import { endpointUrlRefusal } from '../../live/outbound/outboundHttp.js';
import { MAX_OUTBOUND_ENDPOINTS } from '../../live/outbound/outboundWebhooks.js';
import {
  alertsInput,
  createdOutboundOutput,
  createdSourceOutput,
  createOutboundInput,
  createSourceInput,
  customerStateInput,
  disableOutboundInput,
  listOutboundOutput,
  listSourcesOutput,
  outboundDeliveriesInput,
  outboundDeliveriesOutput,
} from './live.schema.js';

const anyone = procedureFor('admin', 'lead', 'agent');
const leads = procedureFor('admin', 'lead');
const admins = procedureFor('admin');

export const liveRouter = router({
  sources: router({
    /** A webhook source of this workspace, with the signing secret (shown only here). */
    create: admins
      .input(createSourceInput)
      .output(createdSourceOutput)
      .mutation(async ({ ctx, input }) => {
        const existing = await ctx.store.live.listSources(ctx.tenantId);
        if (existing.some((s) => s.name === input.name))
          throw new TRPCError({ code: 'CONFLICT', message: 'A source with this name exists' });
        const source = await ctx.store.live.createSource(ctx.tenantId, input.name);
        return { id: source.id, name: source.name, secret: source.secret, path: `/webhooks/${ctx.tenantId}/${source.id}` };
      }),
    list: admins
      .output(listSourcesOutput)
      .query(async ({ ctx }) =>
        (await ctx.store.live.listSources(ctx.tenantId)).map((s) => ({ id: s.id, name: s.name, createdAt: s.createdAt })),
      ),
  }),
  /** Webhooks Tandem sends to the workspace's own systems (handoff created, action executed, alert fired). */
  outbound: router({
    /** A new endpoint, with the secret its receiver verifies signatures with (shown only here). */
    create: admins
      .input(createOutboundInput)
      .output(createdOutboundOutput)
      .mutation(async ({ ctx, input }) => {
        const active = (await ctx.store.outbound.listEndpoints(ctx.tenantId)).filter((e) => e.disabledAt === null);
        if (active.length >= MAX_OUTBOUND_ENDPOINTS)
          throw new TRPCError({ code: 'BAD_REQUEST', message: `A workspace can have at most ${MAX_OUTBOUND_ENDPOINTS} endpoints` });
        // Checked again before every send; refusing here tells the admin now rather than in the delivery log.
        const refusal = await endpointUrlRefusal(input.url, { allowPrivateUrls: ctx.config.knowledge.allowPrivateUrls });
        if (refusal !== undefined) throw new TRPCError({ code: 'BAD_REQUEST', message: `This URL cannot be sent to: ${refusal}` });
        const endpoint = await ctx.store.outbound.createEndpoint({ tenantId: ctx.tenantId, url: input.url, eventTypes: input.eventTypes });
        return { id: endpoint.id, url: endpoint.url, eventTypes: endpoint.eventTypes, secret: endpoint.secret };
      }),
    list: admins.output(listOutboundOutput).query(({ ctx }) => ctx.store.outbound.listEndpoints(ctx.tenantId)),
    /** Stops sending to an endpoint; what was still pending for it fails as "endpoint disabled". */
    disable: admins.input(disableOutboundInput).mutation(async ({ ctx, input }) => {
      if (!(await ctx.store.outbound.disableEndpoint(ctx.tenantId, input.id, new Date())))
        throw new TRPCError({ code: 'NOT_FOUND', message: 'No such endpoint in this workspace' });
      return { disabled: true };
    }),
    /** The delivery log, newest first. */
    deliveries: admins
      .input(outboundDeliveriesInput)
      .output(outboundDeliveriesOutput)
      .query(async ({ ctx, input }) =>
        (await ctx.store.outbound.listDeliveries(ctx.tenantId, input.limit)).map((d) => ({
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
        })),
      ),
  }),
  /** The open ticket's customer, live: orders, payment, cart, pages, open tickets. */
  customer: anyone
    .input(customerStateInput)
    .subscription(({ ctx, input, signal }) => customerStateHandler(ctx.live, ctx.tenantId, input.customer, signal)),
  /** Live counters for the console (events, alerts, events in the last minute, customers tracked). */
  counters: leads.subscription(({ ctx, signal }) => countersHandler(ctx.live, ctx.tenantId, signal)),
  /** Proactive alerts (cart abandoned, payment failed, frustration, SLA wait), resumable. */
  alerts: leads
    .input(alertsInput)
    .subscription(({ ctx, input, signal }) => alertsHandler(ctx.live, ctx.tenantId, input.lastEventId, signal)),
});
