/**
 * Calendly action: a single-use booking link for the configured event type, for the agent to send
 * when a customer wants a call. Suggested only when the customer asks for a call or a meeting.
 */
import { z } from 'zod';
import type { ActionDefinition } from '../actionDefinition.js';
import type { CalendlyClient } from '../../connectors/calendly.js';
import { EVERY_ROLE, INTENT, defineAction, readTicket } from './ticketClues.js';

const schema = z.object({}).strict();

export function calendlyActions(client: CalendlyClient): ActionDefinition[] {
  return [
    defineAction({
      name: 'calendly.createSchedulingLink',
      title: 'Create booking link',
      description: 'Creates a single-use Calendly link the customer can book one call with.',
      // It creates something at Calendly, so it goes through the confirm step like any write.
      risk: 'write',
      allowedRoles: EVERY_ROLE,
      argumentsSchema: schema,
      prefill(context) {
        return INTENT.meeting.test(readTicket(context).customerText) ? {} : undefined;
      },
      async execute(_args, run) {
        const link = await client.createSchedulingLink(run);
        return { summary: `Created a single-use booking link: ${link.bookingUrl}`, output: { bookingUrl: link.bookingUrl } };
      },
    }),
  ];
}
