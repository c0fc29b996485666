/**
 * Content script → background: reports what became of an inserted draft, validated on the way
 * out, with the background's typed reply checked so a rejection surfaces as an error.
 */
import { draftOutcomeMessageSchema, messageReplySchema, type DraftOutcomeMessage } from '../messages/messages';

export async function sendDraftOutcome(message: DraftOutcomeMessage): Promise<void> {
  const outgoing = draftOutcomeMessageSchema.parse(message);
  const reply = messageReplySchema.safeParse(await chrome.runtime.sendMessage(outgoing));
  if (!reply.success) throw new Error('The background sent no valid reply');
  if (!reply.data.ok) throw new Error(`The background rejected draft.outcome: ${reply.data.error}`);
}
