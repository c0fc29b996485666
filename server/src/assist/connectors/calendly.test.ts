// The Calendly client against a local fake speaking API v2's scheduling-links wire format.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConnectorError } from '../actions/actionDefinition.js';
import { startFakeCalendly, type FakeCalendly } from '../../testing/fakeCalendly.js';
import { CalendlyClient, type CalendlyConfig } from './calendly.js';

let calendly: FakeCalendly;

beforeEach(async () => {
  calendly = await startFakeCalendly();
});
afterEach(() => calendly.close());

const client = (overrides: Partial<CalendlyConfig> = {}): CalendlyClient =>
  new CalendlyClient({ token: calendly.token, eventTypeUri: calendly.eventTypeUri, baseUrl: calendly.baseUrl, ...overrides });

async function failure(promise: Promise<unknown>): Promise<ConnectorError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConnectorError);
  expect((error as ConnectorError).message).not.toContain(calendly.token);
  return error as ConnectorError;
}

describe('CalendlyClient.createSchedulingLink', () => {
  it('posts a single-use link for the event type with the Bearer token', async () => {
    const link = await client().createSchedulingLink({});
    expect(calendly.server.requests[0]).toMatchObject({
      method: 'POST',
      path: '/scheduling_links',
      body: { max_event_count: 1, owner: calendly.eventTypeUri, owner_type: 'EventType' },
    });
    expect(calendly.server.requests[0]?.headers.authorization).toBe(`Bearer ${calendly.token}`);
    expect(link.bookingUrl).toMatch(/^https:\/\/calendly\.com\/d\//);
    expect(link).toMatchObject({ owner: calendly.eventTypeUri, ownerType: 'EventType' });
    expect(calendly.links.map((l) => l.bookingUrl)).toEqual([link.bookingUrl]);
  });

  it('fails with REJECTED 401 on a bad token', async () => {
    const error = await failure(client({ token: 'not-the-token' }).createSchedulingLink({}));
    expect(error).toMatchObject({ code: 'REJECTED', status: 401 });
    expect(error.message).toContain('Unauthenticated');
  });

  it('fails with NOT_FOUND for an event type Calendly does not know', async () => {
    const error = await failure(client({ eventTypeUri: 'https://api.calendly.com/event_types/unknown' }).createSchedulingLink({}));
    expect(error).toMatchObject({ code: 'NOT_FOUND', status: 404 });
    expect(error.message).toContain('Resource Not Found');
  });

  it('reports Calendly’s parameter details on a 400', async () => {
    calendly.server.failNext({
      status: 400,
      body: {
        title: 'Invalid Argument',
        message: 'The supplied parameters are invalid.',
        details: [{ parameter: 'owner', message: 'is disabled' }],
      },
    });
    const error = await failure(client().createSchedulingLink({}));
    expect(error).toMatchObject({ code: 'REJECTED', status: 400 });
    expect(error.message).toContain('owner: is disabled');
  });

  it.each([429, 500])('fails with UPSTREAM_FAILED on %i, without retrying the create', async (status) => {
    calendly.server.failNext({ status, headers: { 'retry-after': '0' }, body: { title: 'Too Many Requests', message: 'slow down' } });
    const error = await failure(client().createSchedulingLink({}));
    expect(error).toMatchObject({ code: 'UPSTREAM_FAILED', status });
    expect(calendly.server.requests).toHaveLength(1);
  });

  it('fails with UPSTREAM_FAILED when the link is not a URL', async () => {
    calendly.server.failNext({
      status: 201,
      body: { resource: { booking_url: 'javascript:alert(1)', owner: 'x', owner_type: 'EventType' } },
    });
    expect((await failure(client().createSchedulingLink({}))).code).toBe('UPSTREAM_FAILED');
  });

  it('needs a token and an event type URI', () => {
    expect(() => new CalendlyClient({ token: '', eventTypeUri: calendly.eventTypeUri })).toThrow(ConnectorError);
    expect(() => new CalendlyClient({ token: 't', eventTypeUri: 'not a uri' })).toThrow(ConnectorError);
  });
});
