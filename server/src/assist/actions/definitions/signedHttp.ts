/**
 * The generic action: a signed JSON POST to the one URL the workspace configured (an internal
 * escalation service, a CRM hook). The receiver verifies `Tandem-Signature` and deduplicates on
 * `Idempotency-Key`. Its title and description come from configuration, so the agent and the model
 * see what the endpoint does rather than "HTTP POST".
 */
import { z } from 'zod';
import type { ActionDefinition } from '../actionDefinition.js';
import type { SignedHttpClient } from '../../connectors/signedHttp.js';
import { EVERY_ROLE, customerEmail, defineAction } from './ticketClues.js';

export interface SignedHttpActionOptions {
  title?: string;
  description?: string;
  /** The `event` name sent when the caller gives none. */
  defaultEvent?: string;
}

export function signedHttpActions(client: SignedHttpClient, options: SignedHttpActionOptions = {}): ActionDefinition[] {
  const defaultEvent = options.defaultEvent ?? 'tandem.action';
  const schema = z.object({
    event: z
      .string()
      .regex(/^[a-z0-9_.-]{1,64}$/i, 'letters, digits, dot, dash or underscore')
      .default(defaultEvent)
      .describe('What happened, as the receiver names it'),
    payload: z.record(z.string().max(100), z.unknown()).describe('The JSON object to send'),
  });
  return [
    defineAction({
      name: 'signedHttp.post',
      title: options.title ?? `Send to ${client.host}`,
      description: options.description ?? `Sends a signed JSON request about this ticket to ${client.host}.`,
      risk: 'write',
      allowedRoles: EVERY_ROLE,
      argumentsSchema: schema,
      prefill(context) {
        const email = customerEmail(context);
        return {
          event: defaultEvent,
          payload: {
            ticketId: context.ticket.ticketId,
            site: context.ticket.site,
            subject: context.ticket.subject,
            ...(email === undefined ? {} : { customerEmail: email }),
          },
        };
      },
      async execute(args, run) {
        const result = await client.post({ event: args.event, tenantId: run.tenantId, payload: args.payload }, run);
        return {
          summary: `${client.host} accepted ${args.event} (HTTP ${result.status})`,
          output: { status: result.status, response: result.body ?? null },
        };
      },
    }),
  ];
}
