/**
 * Zendesk actions: open a ticket for a conversation that happens elsewhere (email, chat widget),
 * and add an internal note to an open Zendesk ticket. Creating a ticket for a Zendesk ticket, or a
 * note for a ticket outside Zendesk, does not apply and is not prefilled.
 */
import { z } from 'zod';
import type { ActionDefinition } from '../actionDefinition.js';
import type { ZendeskClient } from '../../connectors/zendesk.js';
import { EVERY_ROLE, clip, customerEmail, defineAction, lastCustomerMessage } from './ticketClues.js';

const createTicketSchema = z.object({
  subject: z.string().trim().min(1).max(250),
  body: z.string().trim().min(1).max(10_000).describe("The ticket's description (its first comment)"),
  requesterEmail: z.email().max(320).optional().describe('The customer the ticket is for'),
  requesterName: z.string().trim().min(1).max(200).optional(),
  priority: z.enum(['low', 'normal', 'high', 'urgent']).optional(),
  tags: z
    .array(
      z
        .string()
        .trim()
        .regex(/^[a-z0-9_-]{1,80}$/i),
    )
    .max(20)
    .optional(),
  notifyRequester: z.boolean().default(false).describe('A public description emails the requester; by default it stays internal'),
});

const internalNoteSchema = z.object({
  ticketId: z
    .string()
    .trim()
    .regex(/^\d{1,15}$/, 'a Zendesk ticket number')
    .describe('The Zendesk ticket number'),
  body: z.string().trim().min(1).max(10_000).describe('The note; only agents see it'),
});

export function zendeskActions(client: ZendeskClient): ActionDefinition[] {
  return [
    defineAction({
      name: 'zendesk.createTicket',
      title: 'Create Zendesk ticket',
      description: 'Opens a Zendesk ticket for this conversation, with the customer as requester.',
      risk: 'write',
      allowedRoles: EVERY_ROLE,
      argumentsSchema: createTicketSchema,
      prefill(context) {
        if (context.ticket.site === 'zendesk') return undefined;
        const email = customerEmail(context);
        const name = context.ticket.requester.name ?? context.live?.customer.name;
        const last = lastCustomerMessage(context);
        return {
          subject: clip(context.ticket.subject, 250),
          ...(last === undefined ? {} : { body: clip(last, 10_000) }),
          ...(email === undefined ? {} : { requesterEmail: email }),
          ...(name === undefined ? {} : { requesterName: clip(name, 200) }),
        };
      },
      async execute(args, run) {
        const { ticket, agentUrl, replayed } = await client.createTicket(
          {
            subject: args.subject,
            body: args.body,
            requester: args.requesterEmail === undefined ? undefined : { email: args.requesterEmail, name: args.requesterName },
            priority: args.priority,
            tags: args.tags,
            publicComment: args.notifyRequester,
          },
          run,
        );
        return {
          summary: `${replayed ? 'Zendesk ticket already created' : 'Created Zendesk ticket'} #${ticket.id}: ${ticket.subject ?? args.subject}`,
          output: { ticketId: String(ticket.id), url: agentUrl, status: ticket.status, replayed },
        };
      },
    }),
    defineAction({
      name: 'zendesk.addInternalNote',
      title: 'Add internal note',
      description: 'Adds a private note to a Zendesk ticket; the customer does not see it.',
      risk: 'write',
      allowedRoles: EVERY_ROLE,
      argumentsSchema: internalNoteSchema,
      prefill(context) {
        if (context.ticket.site !== 'zendesk' || !/^\d{1,15}$/.test(context.ticket.ticketId)) return undefined;
        return { ticketId: context.ticket.ticketId };
      },
      async execute(args, run) {
        const ticket = await client.addInternalNote(Number(args.ticketId), args.body, run);
        return {
          summary: `Added an internal note to Zendesk ticket #${ticket.id}`,
          output: { ticketId: String(ticket.id), url: client.agentUrl(ticket.id), updatedAt: ticket.updated_at },
        };
      },
    }),
  ];
}
