// The generic signed POST action: configured wording, a ticket reference prefill, and a verifiable delivery.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ActionDefinition } from '../actionDefinition.js';
import { SignedHttpClient, verifySignature } from '../../connectors/signedHttp.js';
import { actionContext, runContext } from '../../../testing/actionContexts.js';
import { startFakeHttpServer, type FakeHttpServer } from '../../../testing/fakeHttpServer.js';
import { signedHttpActions } from './signedHttp.js';

const SECRET = 'escalation-hook-secret-42';

let receiver: FakeHttpServer;
let post: ActionDefinition;

beforeEach(async () => {
  receiver = await startFakeHttpServer(() => ({ status: 200, body: { queued: true } }));
  [post] = signedHttpActions(new SignedHttpClient({ url: `${receiver.url}/escalations`, secret: SECRET }), {
    title: 'Escalate to billing',
    description: 'Opens a case in the billing team queue.',
    defaultEvent: 'billing.escalation',
  }) as [ActionDefinition];
});
afterEach(() => receiver.close());

describe('signedHttp.post', () => {
  it('uses the configured title and description', () => {
    expect(post).toMatchObject({
      name: 'signedHttp.post',
      title: 'Escalate to billing',
      description: 'Opens a case in the billing team queue.',
      risk: 'write',
    });
  });

  it('prefills a reference to the ticket', () => {
    const ctx = actionContext({
      site: 'gmail',
      ticketId: 'thread-77',
      subject: 'Invoice twice',
      requester: { email: 'dario.eze@example.net' },
    });
    expect(post.prefill(ctx)).toEqual({
      event: 'billing.escalation',
      payload: { ticketId: 'thread-77', site: 'gmail', subject: 'Invoice twice', customerEmail: 'dario.eze@example.net' },
    });
  });

  it('posts the event, tenant and payload, signed, with the confirmation key', async () => {
    const outcome = await post.execute(post.argumentsSchema.parse({ payload: { ticketId: 'thread-77' } }), runContext('confirm-hook-1'));
    expect(outcome.summary).toBe(`${new URL(receiver.url).host} accepted billing.escalation (HTTP 200)`);
    expect(outcome.output).toEqual({ status: 200, response: { queued: true } });
    const request = receiver.requests[0]!;
    expect(request.body).toEqual({ event: 'billing.escalation', tenantId: 'acme', payload: { ticketId: 'thread-77' } });
    expect(request.headers['idempotency-key']).toBe('confirm-hook-1');
    expect(verifySignature(SECRET, request.headers['tandem-signature'] as string, request.rawBody).ok).toBe(true);
  });
});
