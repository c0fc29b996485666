/**
 * A local stand-in for Calendly API v2's `POST /scheduling_links` for tests: Bearer auth with
 * Calendly's 401 body, the `{title, message, details}` error shape, and `{resource: {booking_url,
 * owner, owner_type}}` answers. Links and event types live in memory and are invented.
 */
import { randomBytes } from 'node:crypto';
import { field, startFakeHttpServer, type FakeHttpServer, type FakeReply, type RecordedRequest } from './fakeHttpServer.js';

export interface FakeCalendly {
  /** Origin to configure as the client's base URL. */
  baseUrl: string;
  token: string;
  /** An event type the fake knows, usable as the link owner. */
  eventTypeUri: string;
  server: FakeHttpServer;
  links: { bookingUrl: string; owner: string; maxEventCount: number }[];
  close(): Promise<void>;
}

export const FAKE_CALENDLY_TOKEN = 'eyJfake.calendly.personal-access-token';
export const FAKE_CALENDLY_EVENT_TYPE = 'https://api.calendly.com/event_types/0b7e2c6a-5d14-4f8e-9a31-tandem30min';

export async function startFakeCalendly(options: { token?: string; eventTypes?: string[] } = {}): Promise<FakeCalendly> {
  const token = options.token ?? FAKE_CALENDLY_TOKEN;
  const eventTypes = new Set(options.eventTypes ?? [FAKE_CALENDLY_EVENT_TYPE]);
  const links: FakeCalendly['links'] = [];

  const invalid = (parameter: string, message: string): FakeReply => ({
    status: 400,
    body: { title: 'Invalid Argument', message: 'The supplied parameters are invalid.', details: [{ parameter, message }] },
  });

  const route = (request: RecordedRequest): FakeReply => {
    if (request.headers.authorization !== `Bearer ${token}`) {
      return { status: 401, body: { title: 'Unauthenticated', message: 'The access token is invalid' } };
    }
    if (request.method !== 'POST' || request.path !== '/scheduling_links') {
      return { status: 404, body: { title: 'Resource Not Found', message: 'The server could not find the requested resource.' } };
    }
    const maxEventCount = field(request.body, 'max_event_count');
    const owner = field(request.body, 'owner');
    const ownerType = field(request.body, 'owner_type');
    if (maxEventCount !== 1) return invalid('max_event_count', 'must be 1');
    if (ownerType !== 'EventType') return invalid('owner_type', 'must be EventType');
    if (typeof owner !== 'string' || !URL.canParse(owner)) return invalid('owner', 'must be a valid URI');
    if (!eventTypes.has(owner)) {
      return { status: 404, body: { title: 'Resource Not Found', message: 'The server could not find the requested resource.' } };
    }
    const bookingUrl = `https://calendly.com/d/${randomBytes(3).toString('hex')}-${randomBytes(2).toString('hex')}/30-minute-call`;
    links.push({ bookingUrl, owner, maxEventCount });
    return { status: 201, body: { resource: { booking_url: bookingUrl, owner, owner_type: 'EventType' } } };
  };

  const server = await startFakeHttpServer(route);
  return {
    baseUrl: server.url,
    token,
    eventTypeUri: [...eventTypes][0] ?? FAKE_CALENDLY_EVENT_TYPE,
    server,
    links,
    close: () => server.close(),
  };
}
