// The Zendesk client against a local fake speaking the Support API's tickets wire format.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConnectorError } from '../actions/actionDefinition.js';
import { startFakeZendesk, ZENDESK_RATE_LIMITED, type FakeZendesk } from '../../testing/fakeZendesk.js';
import { ZendeskClient, type ZendeskConfig } from './zendesk.js';

let zendesk: FakeZendesk;

beforeEach(async () => {
  zendesk = await startFakeZendesk();
});
afterEach(() => zendesk.close());

const client = (overrides: Partial<ZendeskConfig> = {}): ZendeskClient =>
  new ZendeskClient({
    baseUrl: zendesk.baseUrl,
    email: zendesk.email,
    apiToken: zendesk.apiToken,
    retry: { attempts: 2, maxWaitMs: 100 },
    ...overrides,
  });

async function failure(promise: Promise<unknown>): Promise<ConnectorError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConnectorError);
  expect((error as ConnectorError).message).not.toContain(zendesk.apiToken);
  return error as ConnectorError;
}

const ticketInput = {
  subject: 'Grinder handle loose after a week',
  body: 'The crank handle wobbles and slips off while grinding.',
  requester: { email: 'bram.okafor@example.org', name: 'Bram Okafor' },
  priority: 'normal' as const,
  tags: ['grinder', 'defect'],
  publicComment: false,
};

describe('ZendeskClient.createTicket', () => {
  it('posts the ticket with API-token basic auth and the idempotency key', async () => {
    const { ticket, agentUrl, replayed } = await client().createTicket(ticketInput, { idempotencyKey: 'zd-key-0001' });
    const request = zendesk.server.requests[0];
    expect(request).toMatchObject({
      method: 'POST',
      path: '/api/v2/tickets.json',
      body: {
        ticket: {
          subject: ticketInput.subject,
          comment: { body: ticketInput.body, public: false },
          requester: { email: 'bram.okafor@example.org', name: 'Bram Okafor' },
          priority: 'normal',
          tags: ['grinder', 'defect'],
        },
      },
    });
    expect(request?.headers.authorization).toBe(`Basic ${Buffer.from(`${zendesk.email}/token:${zendesk.apiToken}`).toString('base64')}`);
    expect(request?.headers['idempotency-key']).toBe('zd-key-0001');
    expect(replayed).toBe(false);
    expect(ticket).toMatchObject({ subject: ticketInput.subject, status: 'new', priority: 'normal' });
    expect(agentUrl).toBe(`${zendesk.baseUrl}/agent/tickets/${ticket.id}`);
    expect(zendesk.tickets.get(ticket.id)?.comments[0]).toMatchObject({ body: ticketInput.body, public: false });
  });

  it('gets the first ticket back when the same key is sent again', async () => {
    const first = await client().createTicket(ticketInput, { idempotencyKey: 'zd-key-same' });
    const second = await client().createTicket(ticketInput, { idempotencyKey: 'zd-key-same' });
    expect(second.replayed).toBe(true);
    expect(second.ticket.id).toBe(first.ticket.id);
    expect(zendesk.tickets.size).toBe(2); // the seeded ticket and this one
  });

  it('retries a create after a 429 because the key makes it safe', async () => {
    zendesk.server.failNext(ZENDESK_RATE_LIMITED);
    const { ticket } = await client().createTicket(ticketInput, { idempotencyKey: 'zd-key-429' });
    expect(zendesk.server.requests).toHaveLength(2);
    expect(zendesk.tickets.has(ticket.id)).toBe(true);
  });

  it('fails with REJECTED 401 on a wrong token', async () => {
    const error = await failure(client({ apiToken: 'wrong-token-123' }).createTicket(ticketInput, { idempotencyKey: 'zd-key-401' }));
    expect(error).toMatchObject({ code: 'REJECTED', status: 401 });
    expect(error.message).toContain("Couldn't authenticate you");
  });

  it('fails with REJECTED 422 and Zendesk’s details on a blank body', async () => {
    const error = await failure(client().createTicket({ ...ticketInput, body: ' ' }, { idempotencyKey: 'zd-key-422' }));
    expect(error).toMatchObject({ code: 'REJECTED', status: 422 });
    expect(error.message).toContain('RecordInvalid');
    expect(error.message).toContain('Comment: cannot be blank');
  });

  it('fails with UPSTREAM_FAILED after retries on 5xx', async () => {
    zendesk.server.failNext({ status: 503, body: { error: 'ServiceUnavailable' } }, { times: 2 });
    const error = await failure(client().createTicket(ticketInput, { idempotencyKey: 'zd-key-503' }));
    expect(error).toMatchObject({ code: 'UPSTREAM_FAILED', status: 503 });
  });

  it('needs a subdomain or a base URL', () => {
    expect(() => new ZendeskClient({ email: 'a@b.example', apiToken: 't' })).toThrow(ConnectorError);
    expect(() => new ZendeskClient({ subdomain: 'bad/sub', email: 'a@b.example', apiToken: 't' })).toThrow(ConnectorError);
  });
});

describe('ZendeskClient.addInternalNote', () => {
  it('puts a private comment on the ticket', async () => {
    const ticket = await client().addInternalNote(4101, 'Customer confirmed the crack is on the hopper, not the lid.', {});
    expect(zendesk.server.requests[0]).toMatchObject({
      method: 'PUT',
      path: '/api/v2/tickets/4101.json',
      body: { ticket: { comment: { body: 'Customer confirmed the crack is on the hopper, not the lid.', public: false } } },
    });
    expect(ticket.id).toBe(4101);
    expect(zendesk.tickets.get(4101)?.comments.at(-1)).toMatchObject({ public: false });
  });

  it('fails with NOT_FOUND for an unknown ticket', async () => {
    const error = await failure(client().addInternalNote(999999, 'note', {}));
    expect(error).toMatchObject({ code: 'NOT_FOUND', status: 404 });
    expect(error.message).toContain('RecordNotFound');
  });

  it('does not retry a note on 429: Zendesk takes no key on updates', async () => {
    zendesk.server.failNext(ZENDESK_RATE_LIMITED);
    const error = await failure(client().addInternalNote(4101, 'note', {}));
    expect(error).toMatchObject({ code: 'UPSTREAM_FAILED', status: 429 });
    expect(zendesk.server.requests).toHaveLength(1);
  });
});
