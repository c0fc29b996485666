/**
 * A local stand-in for the Zendesk Support tickets API for tests: `/api/v2/tickets.json` and
 * `/api/v2/tickets/{id}.json`, API-token basic auth with Zendesk's 401 body, `{ticket, audit}`
 * answers, RecordNotFound / RecordInvalid errors, and `Idempotency-Key` replay on create (with
 * `x-idempotency-lookup: hit|miss`). Tickets live in memory; the seeded ones are invented.
 */
import { createHash } from 'node:crypto';
import { field, startFakeHttpServer, type FakeHttpServer, type FakeReply, type RecordedRequest } from './fakeHttpServer.js';

export interface FakeZendeskComment {
  id: number;
  authorId: number;
  body: string;
  public: boolean;
  createdAt: string;
}

export interface FakeZendeskTicket {
  id: number;
  subject: string;
  status: string;
  priority: string | null;
  requesterId: number;
  tags: string[];
  createdAt: string;
  updatedAt: string;
  comments: FakeZendeskComment[];
}

export interface FakeZendesk {
  /** Origin to configure as the client's base URL. */
  baseUrl: string;
  email: string;
  apiToken: string;
  server: FakeHttpServer;
  tickets: Map<number, FakeZendeskTicket>;
  users: Map<string, { id: number; name: string }>;
  close(): Promise<void>;
}

export const FAKE_ZENDESK_EMAIL = 'agent@tandem-demo.example';
export const FAKE_ZENDESK_TOKEN = 'zd_fake_token_6d1f0c9a';
const AGENT_ID = 360001;

export async function startFakeZendesk(options: { email?: string; apiToken?: string } = {}): Promise<FakeZendesk> {
  const email = options.email ?? FAKE_ZENDESK_EMAIL;
  const apiToken = options.apiToken ?? FAKE_ZENDESK_TOKEN;
  const expectedAuth = `Basic ${Buffer.from(`${email}/token:${apiToken}`).toString('base64')}`;
  const users = new Map<string, { id: number; name: string }>([['noor.haddad@example.net', { id: 360101, name: 'Noor Haddad' }]]);
  const tickets = new Map<number, FakeZendeskTicket>();
  const replays = new Map<string, { fingerprint: string; reply: FakeReply }>();
  let nextTicketId = 4102;
  let nextId = 900001;
  let baseUrl = '';

  const seededAt = '2024-11-06T08:30:00Z';
  tickets.set(4101, {
    id: 4101,
    subject: 'Grinder arrived with a cracked hopper',
    status: 'open',
    priority: 'normal',
    requesterId: 360101,
    tags: ['damaged'],
    createdAt: seededAt,
    updatedAt: seededAt,
    comments: [
      {
        id: nextId++,
        authorId: 360101,
        body: 'The hopper of my grinder was cracked when I opened the box.',
        public: true,
        createdAt: seededAt,
      },
    ],
  });

  const ticketJson = (t: FakeZendeskTicket): Record<string, unknown> => ({
    id: t.id,
    url: `${baseUrl}/api/v2/tickets/${t.id}.json`,
    external_id: null,
    type: null,
    subject: t.subject,
    raw_subject: t.subject,
    description: t.comments[0]?.body ?? '',
    priority: t.priority,
    status: t.status,
    recipient: null,
    requester_id: t.requesterId,
    submitter_id: AGENT_ID,
    assignee_id: null,
    organization_id: null,
    group_id: null,
    tags: t.tags,
    via: { channel: 'api', source: { from: {}, to: {}, rel: null } },
    created_at: t.createdAt,
    updated_at: t.updatedAt,
  });
  const auditJson = (t: FakeZendeskTicket, comment: FakeZendeskComment, created: boolean): Record<string, unknown> => ({
    id: nextId++,
    ticket_id: t.id,
    created_at: comment.createdAt,
    author_id: AGENT_ID,
    metadata: { system: {}, custom: {} },
    events: [
      ...(created ? [{ id: nextId++, type: 'Create', field_name: 'status', value: t.status }] : []),
      { id: comment.id, type: 'Comment', author_id: comment.authorId, body: comment.body, public: comment.public },
    ],
  });
  const blankComment: FakeReply = {
    status: 422,
    body: {
      error: 'RecordInvalid',
      description: 'Record validation errors',
      details: { base: [{ description: 'Comment: cannot be blank', error: 'BlankValue' }] },
    },
  };
  const notFound: FakeReply = { status: 404, body: { error: 'RecordNotFound', description: 'Not found' } };

  const route = (request: RecordedRequest): FakeReply => {
    if (request.headers.authorization !== expectedAuth) return { status: 401, body: { error: "Couldn't authenticate you" } };

    if (request.method === 'POST' && request.path === '/api/v2/tickets.json') {
      const key = request.headers['idempotency-key'];
      const fingerprint = createHash('sha256').update(request.rawBody).digest('hex');
      if (typeof key === 'string') {
        const previous = replays.get(key);
        if (previous !== undefined) {
          if (previous.fingerprint !== fingerprint) {
            return {
              status: 400,
              body: { error: 'IdempotentRequestError', description: 'Request parameters do not match the original request for this key' },
            };
          }
          return { ...previous.reply, headers: { ...previous.reply.headers, 'x-idempotency-lookup': 'hit' } };
        }
      }
      const ticket = field(request.body, 'ticket');
      const body = field(ticket, 'comment', 'body');
      if (typeof body !== 'string' || body.trim() === '') return blankComment;
      const requesterEmail = field(ticket, 'requester', 'email');
      const requesterName = field(ticket, 'requester', 'name');
      let requesterId = AGENT_ID;
      if (typeof requesterEmail === 'string') {
        const known = users.get(requesterEmail.toLowerCase());
        const user = known ?? { id: nextId++, name: typeof requesterName === 'string' ? requesterName : requesterEmail };
        users.set(requesterEmail.toLowerCase(), user);
        requesterId = user.id;
      }
      const now = new Date().toISOString();
      const priority = field(ticket, 'priority');
      const tags = field(ticket, 'tags');
      const subject = field(ticket, 'subject');
      const created: FakeZendeskTicket = {
        id: nextTicketId++,
        subject: typeof subject === 'string' ? subject : body.slice(0, 60),
        status: 'new',
        priority: typeof priority === 'string' ? priority : null,
        requesterId,
        tags: Array.isArray(tags) ? tags.map(String) : [],
        createdAt: now,
        updatedAt: now,
        comments: [],
      };
      const comment: FakeZendeskComment = {
        id: nextId++,
        authorId: AGENT_ID,
        body,
        public: field(ticket, 'comment', 'public') !== false,
        createdAt: now,
      };
      created.comments.push(comment);
      tickets.set(created.id, created);
      const reply: FakeReply = {
        status: 201,
        headers: { location: `${baseUrl}/api/v2/tickets/${created.id}.json` },
        body: { ticket: ticketJson(created), audit: auditJson(created, comment, true) },
      };
      if (typeof key === 'string') replays.set(key, { fingerprint, reply });
      return typeof key === 'string' ? { ...reply, headers: { ...reply.headers, 'x-idempotency-lookup': 'miss' } } : reply;
    }

    const match = /^\/api\/v2\/tickets\/(\d+)(\.json|\/comments\.json)$/.exec(request.path);
    if (match === null) return { status: 404, body: { error: 'InvalidEndpoint', description: 'Not found' } };
    const ticket = tickets.get(Number(match[1]));
    if (ticket === undefined) return notFound;

    if (request.method === 'GET' && match[2] === '.json') return { status: 200, body: { ticket: ticketJson(ticket) } };
    if (request.method === 'GET' && match[2] === '/comments.json') {
      return {
        status: 200,
        body: {
          comments: ticket.comments.map((c) => ({
            id: c.id,
            type: 'Comment',
            author_id: c.authorId,
            body: c.body,
            plain_body: c.body,
            public: c.public,
            created_at: c.createdAt,
          })),
          next_page: null,
          previous_page: null,
          count: ticket.comments.length,
        },
      };
    }
    if (request.method === 'PUT' && match[2] === '.json') {
      const update = field(request.body, 'ticket');
      const body = field(update, 'comment', 'body');
      if (body !== undefined && (typeof body !== 'string' || body.trim() === '')) return blankComment;
      const now = new Date().toISOString();
      ticket.updatedAt = now;
      const status = field(update, 'status');
      if (typeof status === 'string') ticket.status = status;
      if (typeof body !== 'string')
        return { status: 200, body: { ticket: ticketJson(ticket), audit: { id: nextId++, ticket_id: ticket.id, events: [] } } };
      const comment: FakeZendeskComment = {
        id: nextId++,
        authorId: AGENT_ID,
        body,
        public: field(update, 'comment', 'public') !== false,
        createdAt: now,
      };
      ticket.comments.push(comment);
      return { status: 200, body: { ticket: ticketJson(ticket), audit: auditJson(ticket, comment, false) } };
    }
    return { status: 404, body: { error: 'InvalidEndpoint', description: 'Not found' } };
  };

  const server = await startFakeHttpServer(route);
  baseUrl = server.url;
  return { baseUrl, email, apiToken, server, tickets, users, close: () => server.close() };
}

/** Zendesk's answer past the account's rate limit. */
export const ZENDESK_RATE_LIMITED: FakeReply = {
  status: 429,
  headers: { 'retry-after': '0' },
  body: { error: 'TooManyRequests', description: 'You have exceeded the rate limit for this account' },
};
