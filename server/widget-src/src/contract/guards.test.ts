// The bundle's hand-written readers against the zod schemas they mirror: on a valid sample of every
// event and answer, and on each sample broken one field at a time (removed, or given a value of
// another type or out of range), a reader accepts exactly what its schema accepts.
import {
  widgetConfigSchema,
  widgetConversationSchema,
  widgetEventSchema,
  widgetHistorySchema,
  widgetRatingSchema,
  widgetSentSchema,
  widgetSessionSchema,
  tandemErrorSchema,
} from '@tandem/shared';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isTandemError, readConfig, readConversationReply, readEvent, readHistory, readRating, readSent, readSession } from './guards.js';

const at = '2026-03-01T10:00:00.000Z';
const conversation = { id: 'wconv_1', status: 'human', agent: { name: 'Dana' }, rating: 4, createdAt: at, updatedAt: at };
const message = { id: 'wmsg_1', text: 'Hello <b>there</b>', sentAt: at };

const EVENTS: Record<string, unknown> = {
  conversation: { type: 'conversation', conversationId: 'wconv_1', conversation },
  message: { type: 'message', conversationId: 'wconv_1', message },
  typing: { type: 'typing', conversationId: 'wconv_1' },
  token: { type: 'token', conversationId: 'wconv_1', text: 'Ret' },
  retract: { type: 'retract', conversationId: 'wconv_1', reason: 'withheld' },
  answer: {
    type: 'answer',
    conversationId: 'wconv_1',
    message: {
      ...message,
      citations: [
        { n: 1, title: 'Returns', url: 'https://help.example/returns' },
        { n: 2, title: 'No link' },
      ],
      confidence: 0.82,
    },
  },
  handoff: { type: 'handoff', conversationId: 'wconv_1', reason: 'no-answer', at },
  human: { type: 'human', conversationId: 'wconv_1', message: { ...message, agent: { name: 'Dana' } } },
  handback: { type: 'handback', conversationId: 'wconv_1', at },
  proactive: { type: 'proactive', conversationId: 'wconv_1', trigger: 'payment-failed', message },
  closed: { type: 'closed', conversationId: 'wconv_1', at },
  'rating-request': { type: 'rating-request', conversationId: 'wconv_1', at },
  error: {
    type: 'error',
    error: {
      code: 'TOO_MANY_REQUESTS',
      message: 'Slow down',
      requestId: 'req_1',
      issues: { formErrors: [], fieldErrors: { text: ['x'] } },
    },
  },
};

const config = {
  siteKey: 'pk_abcdefghijklmnop1234',
  name: 'Northwind',
  theme: { accentColor: '#0f766e', position: 'bottom-left', colorScheme: 'dark', title: 'Ask us', greeting: 'Hi' },
  suggestedQuestions: ['Where is my order?'],
  limits: { messageChars: 2000 },
};
const session = {
  visitorToken: 'vt1.a.b',
  expiresAt: at,
  visitor: { id: 'wvis_1', verified: true, name: 'Ines' },
  conversation,
};
const history = {
  conversation,
  events: [
    { id: 'wconv_1.1', event: EVENTS['message'] },
    { id: 'wconv_1.2', event: EVENTS['answer'] },
  ],
  lastEventId: 'wconv_1.2',
};

/** Values a broken field is given: other types, edges of ranges, hostile strings. */
const REPLACEMENTS: unknown[] = [
  null,
  42,
  -1,
  0,
  1.5,
  6,
  Number.NaN,
  'x',
  '',
  '   ',
  true,
  {},
  [],
  'javascript:alert(1)',
  'http:example.com',
  '2026-03-01T10:00:00+01:00',
  '2026-03-01',
  '2026-13-01T10:00:00Z',
  'pk_short',
  '#fff',
  'x'.repeat(301),
];

/** Every variant of `sample` with one field (at any depth) removed or replaced. */
function* brokenOnce(sample: unknown): Generator<unknown> {
  if (Array.isArray(sample)) {
    for (let i = 0; i < sample.length; i++) {
      for (const broken of brokenOnce(sample[i])) yield sample.map((x, j) => (j === i ? broken : x));
      yield sample.filter((_, j) => j !== i);
    }
  } else if (typeof sample === 'object' && sample !== null) {
    const entries = Object.entries(sample);
    for (const [key, value] of entries) {
      const { [key]: _dropped, ...rest } = sample as Record<string, unknown>;
      yield rest;
      for (const replacement of REPLACEMENTS) yield { ...rest, [key]: replacement };
      for (const broken of brokenOnce(value)) yield { ...rest, [key]: broken };
    }
  }
}

function agreeOn(name: string, reader: (v: unknown) => unknown, schema: z.ZodType, sample: unknown): void {
  expect(schema.safeParse(sample).success, `${name}: the sample is valid`).toBe(true);
  expect(reader(sample), `${name}: the reader accepts the sample`).toBeDefined();
  let checked = 0;
  for (const variant of brokenOnce(sample)) {
    const zodSays = schema.safeParse(variant).success;
    const readerSays = reader(variant) !== undefined && reader(variant) !== false;
    if (readerSays !== zodSays) throw new Error(`${name}: zod says ${zodSays}, the reader ${readerSays} for ${JSON.stringify(variant)}`);
    checked++;
  }
  expect(checked).toBeGreaterThan(0);
}

describe('widget bundle guards mirror the zod contract', () => {
  for (const [type, sample] of Object.entries(EVENTS)) {
    it(`event ${type}`, () => agreeOn(type, readEvent, widgetEventSchema, sample));
  }

  it('rejects an unknown event type and a non-object', () => {
    expect(readEvent({ type: 'eval', conversationId: 'c' })).toBeUndefined();
    expect(readEvent('{"type":"typing"}')).toBeUndefined();
    expect(readEvent(null)).toBeUndefined();
  });

  it('config (theme defaults filled as zod fills them)', () => {
    agreeOn('config', readConfig, widgetConfigSchema, config);
    const bare = { ...config, theme: {} };
    expect(readConfig(bare)?.theme).toEqual(widgetConfigSchema.parse(bare).theme);
    const padded = { ...config, theme: { ...config.theme, title: '  Ask us  ' } };
    expect(readConfig(padded)?.theme.title).toBe(widgetConfigSchema.parse(padded).theme.title);
  });

  it('session, with and without a conversation', () => {
    agreeOn('session', readSession, widgetSessionSchema, session);
    agreeOn('session without a conversation', readSession, widgetSessionSchema, { ...session, conversation: null });
  });

  it('history', () => agreeOn('history', readHistory, widgetHistorySchema, history));
  it('sent', () => agreeOn('sent', readSent, widgetSentSchema, { message, eventId: 'wconv_1.3' }));
  it('rating', () =>
    agreeOn('rating', readRating, widgetRatingSchema, { conversationId: 'wconv_1', score: 5, comment: 'Quick', ratedAt: at }));
  it('conversation reply', () =>
    agreeOn('conversation reply', readConversationReply, z.object({ conversation: widgetConversationSchema }), { conversation }));
  it('error body', () =>
    agreeOn('error', (v) => (isTandemError(v) ? v : undefined), tandemErrorSchema, { code: 'FORBIDDEN', message: 'No', requestId: 'r' }));
});
