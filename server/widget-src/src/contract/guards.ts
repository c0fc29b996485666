/**
 * Hand-written readers for everything the server sends the widget, mirroring the zod schemas in
 * shared/src/widget.ts (zod itself would take most of the bundle's 35 KB budget). Each returns the
 * value typed, or undefined when it does not fit: the bundle drops what it cannot read instead of
 * rendering it. guards.test.ts checks every reader against its zod schema on valid and broken
 * samples, so a change to the contract that these miss fails there.
 */
import type {
  TandemError,
  WidgetCitation,
  WidgetConfig,
  WidgetConversation,
  WidgetEvent,
  WidgetHistory,
  WidgetRating,
  WidgetSent,
  WidgetSession,
  WidgetStreamItem,
  WidgetTheme,
} from '@tandem/shared';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const isInt = (v: unknown, min: number, max: number): v is number => Number.isInteger(v) && (v as number) >= min && (v as number) <= max;
const isNum = (v: unknown, min: number, max: number): v is number => typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max;
const optional = (v: unknown, check: (x: unknown) => boolean): boolean => v === undefined || check(v);
const oneOf =
  <T extends string>(values: readonly T[]) =>
  (v: unknown): v is T =>
    isStr(v) && (values as readonly string[]).includes(v);

/** `z.iso.datetime()`: UTC with seconds, any fraction, a `Z`. */
const DATETIME = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?Z$/;
const isDatetime = (v: unknown): v is string => isStr(v) && DATETIME.test(v);

/** `z.url({ protocol: /^https?$/ })`: written with `http(s)://` and parseable. */
export const isHttpUrl = (v: unknown): v is string => isStr(v) && /^https?:\/\//i.test(v.trim()) && parses(v.trim());

/** `URL.canParse`, which browsers older than 2023 lack. */
function parses(url: string): boolean {
  try {
    new URL(url);
    return true;
  } catch {
    return false;
  }
}

const STATUSES = ['ai', 'waiting-for-human', 'human', 'closed'] as const;
const HANDOFF_REASONS = [
  'asked-for-human',
  'no-answer',
  'low-confidence',
  'negative-sentiment',
  'action-needed',
  'needs-review',
  'unavailable',
] as const;
const RETRACT_REASONS = ['restart', 'withheld', 'interrupted'] as const;
const TRIGGERS = ['payment-failed', 'cart-abandoned'] as const;
const ERROR_CODES = [
  'BAD_REQUEST',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'TOO_MANY_REQUESTS',
  'UNSUPPORTED_MEDIA_TYPE',
  'UNPROCESSABLE_CONTENT',
  'TIMEOUT',
  'UPSTREAM_UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
] as const;

const isAgent = (v: unknown): boolean => isObj(v) && isStr(v['name']);

const isConversation = (v: unknown): v is WidgetConversation =>
  isObj(v) &&
  isStr(v['id']) &&
  oneOf(STATUSES)(v['status']) &&
  optional(v['agent'], isAgent) &&
  optional(v['rating'], (r) => isInt(r, 1, 5)) &&
  isDatetime(v['createdAt']) &&
  isDatetime(v['updatedAt']);

const isMessage = (v: unknown): v is Obj => isObj(v) && isStr(v['id']) && isStr(v['text']) && isDatetime(v['sentAt']);

const isCitation = (v: unknown): v is WidgetCitation =>
  isObj(v) && isInt(v['n'], 1, Number.MAX_SAFE_INTEGER) && isStr(v['title']) && optional(v['url'], isHttpUrl);

const isIssues = (v: unknown): boolean =>
  isObj(v) &&
  Array.isArray(v['formErrors']) &&
  v['formErrors'].every(isStr) &&
  isObj(v['fieldErrors']) &&
  Object.values(v['fieldErrors']).every((list) => list === undefined || (Array.isArray(list) && list.every(isStr)));

export const isTandemError = (v: unknown): v is TandemError =>
  isObj(v) && oneOf(ERROR_CODES)(v['code']) && isStr(v['message']) && optional(v['requestId'], isStr) && optional(v['issues'], isIssues);

/** Checks of each event type beyond `type` and `conversationId`. */
const EVENT_BODIES: Record<WidgetEvent['type'], (e: Obj) => boolean> = {
  conversation: (e) => isConversation(e['conversation']),
  message: (e) => isMessage(e['message']),
  typing: () => true,
  token: (e) => isStr(e['text']),
  retract: (e) => oneOf(RETRACT_REASONS)(e['reason']),
  answer: (e) =>
    isMessage(e['message']) &&
    Array.isArray(e['message']['citations']) &&
    e['message']['citations'].every(isCitation) &&
    isNum(e['message']['confidence'], 0, 1),
  handoff: (e) => oneOf(HANDOFF_REASONS)(e['reason']) && isDatetime(e['at']),
  human: (e) => isMessage(e['message']) && isAgent(e['message']['agent']),
  handback: (e) => isDatetime(e['at']),
  proactive: (e) => oneOf(TRIGGERS)(e['trigger']) && isMessage(e['message']),
  closed: (e) => isDatetime(e['at']),
  'rating-request': (e) => isDatetime(e['at']),
  error: (e) => isTandemError(e['error']),
};

export function readEvent(v: unknown): WidgetEvent | undefined {
  if (!isObj(v) || !isStr(v['type']) || !Object.hasOwn(EVENT_BODIES, v['type'])) return undefined;
  const type = v['type'] as WidgetEvent['type'];
  // Every event names its conversation, except an error, which may not have one.
  const conversationOk = type === 'error' ? optional(v['conversationId'], isStr) : isStr(v['conversationId']);
  return conversationOk && EVENT_BODIES[type](v) ? (v as WidgetEvent) : undefined;
}

const isStreamItem = (v: unknown): v is WidgetStreamItem => isObj(v) && isStr(v['id']) && readEvent(v['event']) !== undefined;

const THEME_DEFAULTS: WidgetTheme = {
  accentColor: '#2563eb',
  position: 'bottom-right',
  colorScheme: 'auto',
  title: 'Help',
  greeting: 'Hi! Ask us anything.',
};

/** A text field zod trims, then bounds. */
const trimmedWithin = (v: unknown, min: number, max: number): v is string => isStr(v) && v.trim().length >= min && v.trim().length <= max;

/** The theme with zod's defaults for what is missing; undefined when a field is present but wrong. */
export function readTheme(v: unknown): WidgetTheme | undefined {
  if (!isObj(v)) return undefined;
  const ok =
    optional(v['accentColor'], (c) => isStr(c) && /^#[0-9a-fA-F]{6}$/.test(c)) &&
    optional(v['position'], oneOf(['bottom-right', 'bottom-left'] as const)) &&
    optional(v['colorScheme'], oneOf(['light', 'dark', 'auto'] as const)) &&
    optional(v['title'], (t) => trimmedWithin(t, 1, 60)) &&
    optional(v['greeting'], (g) => trimmedWithin(g, 0, 300));
  if (!ok) return undefined;
  const pick = <K extends keyof WidgetTheme>(key: K): WidgetTheme[K] => {
    const given = v[key] as WidgetTheme[K] | undefined;
    return given === undefined ? THEME_DEFAULTS[key] : given;
  };
  return {
    accentColor: pick('accentColor'),
    position: pick('position'),
    colorScheme: pick('colorScheme'),
    title: pick('title').trim(),
    greeting: pick('greeting').trim(),
  };
}

export function readConfig(v: unknown): WidgetConfig | undefined {
  if (!isObj(v)) return undefined;
  const theme = readTheme(v['theme']);
  const limits = v['limits'];
  const ok =
    isStr(v['siteKey']) &&
    /^pk_[A-Za-z0-9]{16,64}$/.test(v['siteKey']) &&
    isStr(v['name']) &&
    Array.isArray(v['suggestedQuestions']) &&
    v['suggestedQuestions'].every(isStr) &&
    isObj(limits) &&
    isInt(limits['messageChars'], 1, Number.MAX_SAFE_INTEGER);
  return ok && theme !== undefined ? ({ ...(v as WidgetConfig), theme } satisfies WidgetConfig) : undefined;
}

export function readSession(v: unknown): WidgetSession | undefined {
  if (!isObj(v)) return undefined;
  const visitor = v['visitor'];
  const ok =
    isStr(v['visitorToken']) &&
    isDatetime(v['expiresAt']) &&
    isObj(visitor) &&
    isStr(visitor['id']) &&
    typeof visitor['verified'] === 'boolean' &&
    optional(visitor['name'], isStr) &&
    (v['conversation'] === null || isConversation(v['conversation']));
  return ok ? (v as WidgetSession) : undefined;
}

export function readHistory(v: unknown): WidgetHistory | undefined {
  const ok =
    isObj(v) &&
    isConversation(v['conversation']) &&
    Array.isArray(v['events']) &&
    v['events'].every(isStreamItem) &&
    isStr(v['lastEventId']);
  return ok ? (v as WidgetHistory) : undefined;
}

/** `{ conversation }`: what opening a conversation and asking for a person answer. */
export function readConversationReply(v: unknown): { conversation: WidgetConversation } | undefined {
  return isObj(v) && isConversation(v['conversation']) ? { conversation: v['conversation'] } : undefined;
}

export function readSent(v: unknown): WidgetSent | undefined {
  return isObj(v) && isMessage(v['message']) && isStr(v['eventId']) ? (v as WidgetSent) : undefined;
}

export function readRating(v: unknown): WidgetRating | undefined {
  const ok = isObj(v) && isStr(v['conversationId']) && isInt(v['score'], 1, 5) && optional(v['comment'], isStr) && isDatetime(v['ratedAt']);
  return ok ? (v as WidgetRating) : undefined;
}
