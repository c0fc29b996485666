// Zendesk actions: when they apply, what they prefill, and what they do at the fake Support API.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ActionDefinition } from '../actionDefinition.js';
import { ZendeskClient } from '../../connectors/zendesk.js';
import { actionContext, runContext } from '../../../testing/actionContexts.js';
import { startFakeZendesk, type FakeZendesk } from '../../../testing/fakeZendesk.js';
import { zendeskActions } from './zendesk.js';

let zendesk: FakeZendesk;
let createTicket: ActionDefinition;
let addNote: ActionDefinition;

beforeEach(async () => {
  zendesk = await startFakeZendesk();
  [createTicket, addNote] = zendeskActions(
    new ZendeskClient({ baseUrl: zendesk.baseUrl, email: zendesk.email, apiToken: zendesk.apiToken }),
  ) as [ActionDefinition, ActionDefinition];
});
afterEach(() => zendesk.close());

describe('zendesk.createTicket', () => {
  it('prefills from a conversation outside Zendesk and not for a Zendesk ticket', () => {
    const ctx = actionContext({
      site: 'gmail',
      subject: 'Kettle lid does not close',
      requester: { email: 'celeste.sato@example.com', name: 'Celeste Sato' },
      customerSays: ['Hi,', 'The lid of the kettle pops open when the water boils.'],
    });
    expect(createTicket.prefill(ctx)).toEqual({
      subject: 'Kettle lid does not close',
      body: 'The lid of the kettle pops open when the water boils.',
      requesterEmail: 'celeste.sato@example.com',
      requesterName: 'Celeste Sato',
    });
    expect(createTicket.prefill(actionContext({ site: 'zendesk', ticketId: '4101', subject: 'x' }))).toBeUndefined();
  });

  it('creates a private ticket by default and reports its agent link; the same confirmation creates it once', async () => {
    const args = createTicket.argumentsSchema.parse({
      subject: 'Kettle lid does not close',
      body: 'The lid pops open when the water boils.',
      requesterEmail: 'celeste.sato@example.com',
    });
    const outcome = await createTicket.execute(args, runContext('confirm-ticket-1'));
    const id = Number(outcome.output.ticketId);
    expect(outcome.summary).toBe(`Created Zendesk ticket #${id}: Kettle lid does not close`);
    expect(outcome.output.url).toBe(`${zendesk.baseUrl}/agent/tickets/${id}`);
    expect(zendesk.tickets.get(id)?.comments[0]?.public).toBe(false);
    const again = await createTicket.execute(args, runContext('confirm-ticket-1'));
    expect(again.output).toMatchObject({ ticketId: String(id), replayed: true });
    expect(zendesk.tickets.size).toBe(2);
  });
});

describe('zendesk.addInternalNote', () => {
  it('applies to a Zendesk ticket only', () => {
    expect(addNote.prefill(actionContext({ site: 'zendesk', ticketId: '4101', subject: 'x' }))).toEqual({ ticketId: '4101' });
    expect(addNote.prefill(actionContext({ site: 'gmail', ticketId: '4101', subject: 'x' }))).toBeUndefined();
    expect(addNote.prefill(actionContext({ site: 'zendesk', ticketId: 'thread-abc', subject: 'x' }))).toBeUndefined();
  });

  it('adds a private note', async () => {
    const outcome = await addNote.execute(
      addNote.argumentsSchema.parse({ ticketId: '4101', body: 'Photo shows a crack on the hopper.' }),
      runContext(),
    );
    expect(outcome.summary).toBe('Added an internal note to Zendesk ticket #4101');
    expect(zendesk.tickets.get(4101)?.comments.at(-1)).toMatchObject({ body: 'Photo shows a crack on the hopper.', public: false });
  });
});
