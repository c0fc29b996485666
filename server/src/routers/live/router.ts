import { router } from '../../trpc/init.js';
import { admins, agents, leads } from '../../trpc/procedures.js';
import { alertsHandler } from './alerts.handler.js';
import { alertsInput } from './alerts.schema.js';
import { countersHandler } from './counters.handler.js';
import { customerStateHandler } from './customer.handler.js';
import { customerStateInput } from './customer.schema.js';
import { createOutboundHandler } from './outbound/create.handler.js';
import { createOutboundInput, createOutboundOutput } from './outbound/create.schema.js';
import { outboundDeliveriesHandler } from './outbound/deliveries.handler.js';
import { outboundDeliveriesInput, outboundDeliveriesOutput } from './outbound/deliveries.schema.js';
import { disableOutboundHandler } from './outbound/disable.handler.js';
import { disableOutboundInput, disableOutboundOutput } from './outbound/disable.schema.js';
import { listOutboundHandler } from './outbound/list.handler.js';
import { listOutboundOutput } from './outbound/list.schema.js';
import { createSourceHandler } from './sources/create.handler.js';
import { createSourceInput, createSourceOutput } from './sources/create.schema.js';
import { listSourcesHandler } from './sources/list.handler.js';
import { listSourcesOutput } from './sources/list.schema.js';

export const liveRouter = router({
  sources: router({
    /** A webhook source of this workspace, with the signing secret (shown only here). */
    create: admins.input(createSourceInput).output(createSourceOutput).mutation(createSourceHandler),
    list: admins.output(listSourcesOutput).query(listSourcesHandler),
  }),
  /** Webhooks Tandem sends to the workspace's own systems (handoff created, action executed, alert fired). */
  outbound: router({
    create: admins.input(createOutboundInput).output(createOutboundOutput).mutation(createOutboundHandler),
    list: admins.output(listOutboundOutput).query(listOutboundHandler),
    disable: admins.input(disableOutboundInput).output(disableOutboundOutput).mutation(disableOutboundHandler),
    deliveries: admins.input(outboundDeliveriesInput).output(outboundDeliveriesOutput).query(outboundDeliveriesHandler),
  }),
  /** The open ticket's customer, live: orders, payment, cart, pages, open tickets. */
  customer: agents.input(customerStateInput).subscription(customerStateHandler),
  /** Live counters for the console (events, alerts, events in the last minute, customers tracked). */
  counters: leads.subscription(countersHandler),
  /** Proactive alerts (cart abandoned, payment failed, frustration, SLA wait), resumable. */
  alerts: leads.input(alertsInput).subscription(alertsHandler),
});
