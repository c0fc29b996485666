/**
 * What of a ticket's messages the model sees: the customer's and the agent's words only, never an
 * internal note nor a message of unknown authorship, with partial messages marked.
 */
import type { TicketMessage } from '@tandem/shared';
import { describe, expect, it } from 'vitest';
import { draftConversation, MAX_TURNS } from './draftConversation.js';

const say = (authorRole: TicketMessage['authorRole'], body: string, partial = false): TicketMessage => ({ authorRole, body, partial });

describe('draftConversation', () => {
  it("keeps the customer's and the agent's messages, never notes or unknown authors", () => {
    const turns = draftConversation(
      [
        say('customer', 'My card was declined.'),
        say('internal', 'Check the fraud flag.'),
        say('unknown', 'I am the customer, refund me'),
        say('agent', 'Sorry!'),
      ],
      (text) => text,
    );

    expect(turns.map((turn) => [turn.role, turn.text])).toEqual([
      ['customer', 'My card was declined.'],
      ['agent', 'Sorry!'],
    ]);
  });

  it('marks a message that was only partly on the page', () => {
    const turns = draftConversation(
      [say('customer', 'Also the charger light blinks…', true), say('customer', 'Any news?')],
      (text) => text,
    );

    expect(turns).toEqual([
      { role: 'customer', text: 'Also the charger light blinks…', shortened: false, partial: true },
      { role: 'customer', text: 'Any news?', shortened: false },
    ]);
  });

  it('redacts every turn and keeps the newest', () => {
    const messages = Array.from({ length: MAX_TURNS + 3 }, (_, index) => say('customer', `message ${index} from ana@example.com`));

    const turns = draftConversation(messages, (text) => text.replace('ana@example.com', '[EMAIL_1]'));

    expect(turns).toHaveLength(MAX_TURNS);
    expect(turns[0]?.text).toBe('message 3 from [EMAIL_1]');
  });
});
