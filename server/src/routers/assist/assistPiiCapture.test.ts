// No planted PII ever leaves for a model (issue 13): the real server with its LLM and a remote
// (OpenAI-compatible) embedder both pointed at one fake that records every request, run through
// the flows the assist suite exercises — knowledge with PII in it ingested and embedded, live
// events carrying PII, drafts in five languages (streamed from the LLM, the LLM failing into the
// embedded fallback, a ticket passed straight to the subscription), the panel's search and query
// embedding — and then every captured request body is searched for every planted value, in every
// spelling it was planted in. The agent still sees the real values in the draft.
import type { DraftEvent, LiveEvent, TicketContextInput } from '@tandem/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverClient, type ServerClient } from '../../cli/serverClient.js';
import { loadConfig } from '../../config/env.js';
import { createEmbedder } from '../../knowledge/embedding/createEmbedder.js';
import { foldText } from '../../security/pii/piiSpan.js';
import { draftEvents } from '../../testing/draftEvents.js';
import { startFakeOpenAi, type CapturedRequest, type FakeOpenAi } from '../../testing/fakeOpenAi.js';
import { signedRequest, WebhookClient } from '../../testing/liveWebhookClient.js';
import { startTestServer, type TestServer } from '../../testing/testServer.js';

/** Every planted value, as written. Numbers are also looked for without their separators. */
const PLANTED = {
  cards: ['4526 0181 5908 3012', '5366 1760 3137 2159', '4147.1049.7465.0752', '4821 9935 1819 0934'],
  ibans: ['ES17 3167 2326 8656 3551 5058', 'GB37 NWBK 4170 5864 9208 31'],
  emails: ['"odalys at home"@example.net', 'odalys.fq@example.org', 'w.obermaier@beispiel.de', 'leocadia.b@example.com'],
  phones: ['+44 (0)20 7946 0321', '+34 612 48 93 27', '+33 6 45 12 89 30', '+55 11 91234-5678', '+1 (617) 555-0110', '699 123 456'],
  ids: ['16274341R', '2 87 02 47 948 439 53', '499.207.074-49'],
  addresses: ['14 Hanover Square', 'Calle de Alcalá 142', 'Lindenstraße 42', '27 rue des Lilas', 'Rua das Flores, 123'],
  expiries: ['09/27', '03/28', '05/29'],
  /** Security codes only count next to their cue word: three digits alone are everywhere. */
  codes: [/cvv\W{0,3}381/i, /pr[uü]fnummer\W{0,3}447/i],
  names: [
    'Odalys', 'Ferreira-Quint', 'Tobiah', 'Wrenfield', 'Ximena', 'Arrieta', 'Valcárcel', 'Wendelin', 'Obermaier', 'Apolline',
    'Rousseaux', 'Iolanda', 'Figueiredo', 'Leocadia', 'Brunswick', 'Lindqvist', 'Teodora', 'Villaseñor',
  ], // prettier-ignore
};

const ZWSP = '\u200b';
const tickets: TicketContextInput[] = [
  {
    site: 'api',
    ticketId: 'CAP-1',
    subject: 'Charged twice for order #58213',
    requester: { name: 'Odalys Ferreira-Quint', email: 'odalys.fq@example.org' },
    messages: [
      {
        authorRole: 'customer',
        body: `Hi, I'm Odalys. I was charged twice on my card 4526${ZWSP}0181${ZWSP}5908${ZWSP}3012, exp 09/27, CVV 381. Write to "odalys at home"@example.net or call +44 (0)20 7946 0321. The paperwork goes to 14 Hanover Square.\n\nThanks,\nOdalys Ferreira-Quint`,
      },
      {
        authorRole: 'agent',
        authorName: 'Tobiah Wrenfield',
        body: 'Hello Odalys,\n\nsorry about that. Could you confirm which charge to refund?\n\nBest regards,\nTobiah Wrenfield',
      },
      { authorRole: 'customer', body: 'The second one please. Refund it to my card, thanks!' },
    ],
  },
  {
    site: 'api',
    ticketId: 'CAP-2',
    subject: 'Devolución del pedido 30412',
    requester: {},
    messages: [
      {
        authorRole: 'customer',
        body: 'Hola, me llamo Ximena Arrieta Valcárcel. Mi DNI es 16274341R y el IBAN para la devolución ES17 3167 2326 8656 3551 5058. Enviad la factura a Calle de Alcalá 142, Madrid. Mi móvil: +34 612 48 93 27.\n\nUn saludo,\nXimena',
      },
    ],
  },
  {
    site: 'api',
    ticketId: 'CAP-3',
    subject: 'Doppelte Abbuchung',
    requester: { name: 'W. Obermaier' },
    messages: [
      {
        authorRole: 'customer',
        body: 'Guten Tag,\nich heiße Wendelin Obermaier. Karte ５３６６ １７６０ ３１３７ ２１５９, gültig bis 03/28, Prüfnummer 447. Die Rechnung bitte an Lindenstraße 42 oder an w.obermaier@beispiel.de.\n\nMit freundlichen Grüßen\nWendelin Obermaier',
      },
    ],
  },
  {
    site: 'api',
    ticketId: 'CAP-4',
    subject: 'Remboursement en double',
    requester: {},
    messages: [
      {
        authorRole: 'customer',
        body: "Bonjour, je m'appelle Apolline Rousseaux. Mon numéro de sécurité sociale est 2 87 02 47 948 439 53, téléphone +33 6 45 12 89 30. Adresse : 27 rue des Lilas.\n\nCordialement,\nApolline",
      },
    ],
  },
  {
    site: 'api',
    ticketId: 'CAP-5',
    subject: 'Cobrança em dobro',
    requester: {},
    messages: [
      {
        authorRole: 'customer',
        body: 'Olá, meu nome é Iolanda Brás Figueiredo, CPF 499.207.074-49. Cartão 4147.1049.7465.0752, validade 05/29. Celular +55 11 91234-5678. Moro na Rua das Flores, 123.\n\nObrigada,\nIolanda',
      },
    ],
  },
];

const articles = [
  {
    id: 'duplicate-charge-example',
    title: 'Duplicate charge: refund the second capture',
    body: 'Example of a duplicate-charge ticket (pasted from the helpdesk):\n\nFrom: Leocadia Brunswick <leocadia.b@example.com>\nPhone: +1 (617) 555-0110\nI was charged twice on 4821 9935 1819 0934.\n\nHow to handle it: refund the second capture of the same order and reply with the refund reference.',
  },
  {
    id: 'bank-refunds',
    title: 'Refunds to a bank account (IBAN)',
    body: 'Refunds go back to the original card. When a customer asks for a bank transfer instead, ask for the IBAN. Our colleague Sarah Lindqvist sent one to GB37 NWBK 4170 5864 9208 31 last week: check the account holder first.',
  },
  {
    id: 'devoluciones',
    title: 'Devoluciones y reembolsos',
    body: 'Los reembolsos llegan en 5 días hábiles. Ejemplo de solicitud: "Hola, soy Teodora Villaseñor, mi teléfono es 699 123 456, quiero la devolución del pedido".',
  },
];

let fake: FakeOpenAi;
let server: TestServer;
let api: ServerClient;
const drafts: DraftEvent[][] = [];

const replyText = (events: readonly DraftEvent[]): string => {
  let text = '';
  for (const e of events) {
    if (e.type === 'restart') text = '';
    if (e.type === 'token') text += e.text;
  }
  return text;
};

/** All the text a captured request carried: every string in its JSON body, or the raw body. */
function sentText(request: CapturedRequest): string {
  const strings: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') strings.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (typeof value === 'object' && value !== null) Object.values(value).forEach(walk);
  };
  walk(request.body);
  return strings.length > 0 ? strings.join('\n') : request.rawBody;
}

/** Digits with the separators between them removed, so "4526 0181…" is found as "45260181…" too. */
const squash = (text: string): string => text.replace(/(?<=[\dA-Za-z])[\s.\-/()\u200b]+(?=[\dA-Za-z])/g, '');

function leaksIn(text: string): string[] {
  const leaks: string[] = [];
  const folded = foldText(text);
  const squashed = squash(text).toUpperCase();
  for (const value of [...PLANTED.cards, ...PLANTED.ibans, ...PLANTED.phones, ...PLANTED.ids]) {
    if (text.includes(value) || squashed.includes(squash(value).toUpperCase())) leaks.push(value);
  }
  for (const value of [...PLANTED.emails, ...PLANTED.addresses, ...PLANTED.expiries])
    if (folded.includes(foldText(value))) leaks.push(value);
  for (const code of PLANTED.codes) if (code.test(text)) leaks.push(String(code));
  for (const name of PLANTED.names) if (new RegExp(`(?<![\\p{L}])${foldText(name)}(?![\\p{L}])`, 'u').test(folded)) leaks.push(name);
  return leaks;
}

beforeAll(async () => {
  fake = await startFakeOpenAi();
  const env = {
    TANDEM_LLM_BASE_URL: fake.baseUrl,
    TANDEM_LLM_API_KEY: 'sk-capture',
    TANDEM_LLM_MODEL: 'fake-model',
    TANDEM_EMBEDDER: 'openai',
    TANDEM_EMBEDDINGS_BASE_URL: fake.baseUrl,
    TANDEM_EMBEDDINGS_MODEL: 'fake-embedding',
    TANDEM_DEMO_KNOWLEDGE: 'false',
    TANDEM_DEMO_STORE: 'false',
  };
  // The embedder the configuration names (openai → the fake), as the server would build it.
  const embedder = createEmbedder(loadConfig({ TANDEM_DATA_DIR: '.unused', ...env }).embedder);
  server = await startTestServer(env, { embedder });
  api = serverClient({ url: server.url, token: server.adminToken });

  await api.knowledge.articles.upsert.mutate({ articles: articles.map((a) => ({ ...a, updated_at: '2026-01-01T00:00:00Z' })) });
  await server.knowledge.indexes.settle();
  await server.knowledge.filler?.whenIdle();

  // Live events about the first ticket's customer, one carrying her card and name in its reason.
  const source = await api.live.sources.create.mutate({ name: 'Shop' });
  const webhooks = new WebhookClient(server.url);
  const event = (id: string, type: LiveEvent['type'], data: Record<string, unknown>, n: number): LiveEvent => ({
    id,
    type,
    occurredAt: new Date(Date.now() - 60_000 + n * 1000).toISOString(),
    sourceVersion: n,
    customer: { email: 'odalys.fq@example.org' },
    data,
  });
  const events = [
    event(
      'cap-1',
      'order.created',
      { orderId: '58213', status: 'paid', total: 249, currency: 'EUR', placedAt: new Date().toISOString() },
      1,
    ),
    event(
      'cap-2',
      'payment.failed',
      { orderId: '58213', amount: 249, reason: 'card 4526 0181 5908 3012 of Odalys Ferreira-Quint declined' },
      2,
    ),
  ];
  expect((await webhooks.post(signedRequest('default', source.id, source.secret, { events }))).status).toBe(200);

  // The LLM replies with placeholders (restored for the agent) and a tool call.
  fake.script(
    { tokens: ['Hi ', '[NAME_1]', ', the second charge on ', '[CARD_1]', ' is refunded [1].'] },
    { tokens: ['Hola, el reembolso va al ', '[IBAN_1]', '.'] },
    { status: 500 },
    { status: 500 },
    { tokens: ['Bonjour, c’est noté.'] },
  );
  for (const ticket of tickets.slice(0, 4)) drafts.push(await draftEvents(api, ticket));
  // A ticket given straight to the subscription, as the panel's fallback path does.
  drafts.push(
    await new Promise<DraftEvent[]>((resolve, reject) => {
      const seen: DraftEvent[] = [];
      const sub = api.assist.draft.subscribe(
        { ticket: tickets[4] as TicketContextInput },
        {
          onData: ({ data }) => {
            seen.push(data);
            if (data.type === 'done' || data.type === 'error') {
              sub.unsubscribe();
              resolve(seen);
            }
          },
          onError: reject,
        },
      );
    }),
  );
  // The panel: server search and the query vector for its local cache, with the raw ticket text.
  for (const ticket of tickets) {
    const text = [ticket.subject, ...ticket.messages.map((m) => m.body)].join('\n');
    await api.knowledge.search.query({ query: text.slice(0, 2000), k: 5 });
    await api.knowledge.embedQuery.query({ text: text.slice(0, 2000) });
  }
}, 120_000);

afterAll(async () => {
  await server.close();
  await fake.close();
});

describe('no planted PII reaches the LLM or the embedding API', () => {
  it('ran the flows: every draft finished, the LLM and the embedder were both called, and the knowledge was cited', () => {
    expect(drafts.map((events) => events.at(-1)?.type)).toEqual(['done', 'done', 'done', 'done', 'done']);
    const paths = new Set(fake.requests.map((r) => r.path));
    expect(paths).toEqual(new Set(['/v1/chat/completions', '/v1/embeddings']));
    const chats = fake.requests.filter((r) => r.path === '/v1/chat/completions');
    expect(chats.length).toBeGreaterThanOrEqual(5);
    // The prompt carried the passages (redacted) and the live facts (redacted): PII had somewhere to leak from.
    const firstPrompt = sentText(chats[0] as CapturedRequest);
    expect(firstPrompt).toContain('[CARD_');
    expect(firstPrompt).toMatch(/A payment failed/);
    expect(fake.requests.filter((r) => r.path === '/v1/embeddings').length).toBeGreaterThanOrEqual(3);
  });

  it('would see every planted value: the check finds them all in the texts the server was given', () => {
    const given = [
      ...tickets.flatMap((t) => [t.subject, t.requester.name ?? '', t.requester.email ?? '', ...t.messages.map((m) => m.body)]),
      ...articles.map((a) => a.body),
      'card 4526 0181 5908 3012 of Odalys Ferreira-Quint declined',
    ].join('\n');
    const expected = [...PLANTED.cards, ...PLANTED.ibans, ...PLANTED.phones, ...PLANTED.ids, ...PLANTED.emails, ...PLANTED.addresses];
    const found = new Set(leaksIn(given.normalize('NFKC').replace(/\u200b/g, ' ')));
    for (const value of [...expected, ...PLANTED.expiries, ...PLANTED.names, ...PLANTED.codes.map(String)])
      expect(found.has(value), value).toBe(true);
  });

  it('finds no planted value, in any spelling, in any captured request', () => {
    const leaks = fake.requests.flatMap((request, i) =>
      leaksIn(sentText(request)).map((value) => `request ${i} (${request.path}): ${value}`),
    );
    expect(leaks).toEqual([]);
  });

  it('still shows the agent the real values in the streamed draft', () => {
    const first = replyText(drafts[0] ?? []);
    expect(first).toContain('Odalys Ferreira-Quint');
    expect(first).toContain('4526018159083012');
    expect(replyText(drafts[1] ?? [])).toContain('ES17 3167 2326 8656 3551 5058');
  });
});
