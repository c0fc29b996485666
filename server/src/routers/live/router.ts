import { procedureFor, router } from '../../trpc/init.js';
import { alertsHandler, customerStateHandler } from './live.handler.js';
import { TRPCError } from '@trpc/server';
import { alertsInput, createdSourceOutput, createSourceInput, customerStateInput, listSourcesOutput } from './live.schema.js';

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
  /** The open ticket's customer, live: orders, payment, cart, pages, open tickets. */
  customer: anyone
    .input(customerStateInput)
    .subscription(({ ctx, input, signal }) => customerStateHandler(ctx.live, ctx.tenantId, input.customer, signal)),
  /** Proactive alerts (cart abandoned, payment failed, frustration, SLA wait), resumable. */
  alerts: leads
    .input(alertsInput)
    .subscription(({ ctx, input, signal }) => alertsHandler(ctx.live, ctx.tenantId, input.lastEventId, signal)),
});
