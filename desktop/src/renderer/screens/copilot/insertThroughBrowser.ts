/**
 * Insert from the desktop: asks the signed-in user's extension, through the server, to put the
 * draft into the composer of the ticket this screen shows, and turns each outcome into the reply
 * the shared panel shows under Insert.
 */
import type { InsertDraftReply } from '@tandem/panel';
import type { PresenceInsertOutcome } from '@tandem/shared';
import type { ConsoleClient } from '../../api/client';

const WHY: Record<Exclude<PresenceInsertOutcome, 'inserted'>, string> = {
  failed: 'the helpdesk page could not take it',
  'no-extension': 'the Tandem extension in your browser is not listening (follow mode off, or the browser is closed)',
  'ticket-changed': 'your browser shows another ticket now',
  timeout: 'the browser did not answer in time',
};

export async function insertThroughBrowser(client: ConsoleClient, ticketId: string, text: string): Promise<InsertDraftReply> {
  const answer = await client.presence.insert.mutate({ ticketId, text });
  if (answer.outcome === 'inserted') return { ok: true, composer: 'reply box in your browser' };
  return { ok: false, error: answer.detail === undefined ? WHY[answer.outcome] : `${WHY[answer.outcome]} (${answer.detail})` };
}
