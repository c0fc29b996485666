/**
 * The website widget's contract (autonomous mode): what the embeddable bundle sends and receives
 * (the site's public config, visitor sessions with optional verified identity, messages, the
 * resumable event stream, history, ratings), what admins set per site, and what agents see of
 * widget conversations in the human queue. The routes, auth and errors around these shapes are
 * written up in server/src/widget/README.md.
 */
import { z } from 'zod';
import { actionSuggestionSchema } from './actions.js';
import { ticketAnalysisSchema } from './draft.js';
import { tandemErrorSchema } from './errors.js';
import { customerLiveStateSchema } from './live.js';

/** Bounds on everything a page or a visitor sends: a hostile page cannot flood the server or the model. */
export const WIDGET_LIMITS = {
  /** One visitor message, after trimming. */
  messageChars: 2000,
  /** One agent reply from the queue. */
  agentReplyChars: 5000,
  suggestedQuestions: 6,
  suggestedQuestionChars: 200,
  allowedOrigins: 20,
  siteNameChars: 100,
  titleChars: 60,
  greetingChars: 300,
  displayNameChars: 100,
  userIdChars: 200,
  ratingCommentChars: 1000,
  /** A visitor session token, as the bundle stores it. */
  visitorTokenChars: 1000,
} as const;

/** The public key a page embeds (`data-site-key`): it names a site, and grants nothing without an allowed origin. */
export const widgetSiteKeySchema = z.string().regex(/^pk_[A-Za-z0-9]{16,64}$/, 'a widget site key starts with pk_');

/**
 * A web origin as browsers send it: scheme, host and port, no path (`https://shop.example`).
 * Written in any case and with a trailing slash, it is stored the way browsers send it.
 */
export const widgetOriginSchema = z
  .string()
  .trim()
  .max(300)
  .transform((value) => value.toLowerCase().replace(/\/$/, ''))
  .pipe(
    z
      .string()
      .regex(
        /^https?:\/\/(?:\[[0-9a-f:.]+\]|[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?)(?::\d{1,5})?$/,
        'an origin like https://shop.example (scheme, host and port only)',
      ),
  );

export const widgetThemeSchema = z.object({
  /** The launcher's and the visitor's bubbles' colour. */
  accentColor: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'a colour like #2563eb')
    .default('#2563eb'),
  position: z.enum(['bottom-right', 'bottom-left']).default('bottom-right'),
  colorScheme: z.enum(['light', 'dark', 'auto']).default('auto'),
  /** The open panel's heading. */
  title: z.string().trim().min(1).max(WIDGET_LIMITS.titleChars).default('Help'),
  /** Shown above an empty conversation; never sent to the model. */
  greeting: z.string().trim().max(WIDGET_LIMITS.greetingChars).default('Hi! Ask us anything.'),
});
export type WidgetTheme = z.output<typeof widgetThemeSchema>;

const suggestedQuestionsSchema = z
  .array(z.string().trim().min(1).max(WIDGET_LIMITS.suggestedQuestionChars))
  .max(WIDGET_LIMITS.suggestedQuestions);

/** `GET /widget/v1/sites/:siteKey/config`: what the bundle needs before the visitor does anything. */
export const widgetConfigSchema = z.object({
  siteKey: widgetSiteKeySchema,
  name: z.string(),
  theme: widgetThemeSchema,
  suggestedQuestions: z.array(z.string()),
  limits: z.object({ messageChars: z.number().int().positive() }),
});
export type WidgetConfig = z.infer<typeof widgetConfigSchema>;

/**
 * A signed-in user of the site, vouched for by the site's own backend (as Intercom's identity
 * verification): `userHash` is the hex HMAC-SHA256 of `userId` under the site's identity secret.
 * Only a verified visitor's answers may use that customer's live context. `userId` is the id the
 * workspace's live events carry for the customer (their external id), or their e-mail address.
 */
export const widgetIdentitySchema = z.object({
  userId: z.string().trim().min(1).max(WIDGET_LIMITS.userIdChars),
  userHash: z.string().regex(/^[0-9a-fA-F]{64}$/, 'a hex HMAC-SHA256'),
  /** How to greet them; free text from the page, never trusted for anything else. */
  name: z.string().trim().min(1).max(WIDGET_LIMITS.displayNameChars).optional(),
});
export type WidgetIdentity = z.infer<typeof widgetIdentitySchema>;

export const widgetConversationStatusSchema = z.enum(['ai', 'waiting-for-human', 'human', 'closed']);
export type WidgetConversationStatus = z.infer<typeof widgetConversationStatusSchema>;

/** Why the AI stepped back and a person was asked to take the conversation. */
export const widgetHandoffReasonSchema = z.enum([
  /** The visitor asked for a person (in words, or the "talk to a person" button). */
  'asked-for-human',
  /** The knowledge base has nothing that could answer. */
  'no-answer',
  /** An answer was written but scored below the site's confidence threshold, so it was withheld. */
  'low-confidence',
  /** The visitor is clearly upset. */
  'negative-sentiment',
  /** The visitor asked for something that changes data (a refund, a cancellation): an agent runs it. */
  'action-needed',
  /** Something in the message or the sources tried to instruct the assistant. */
  'needs-review',
  /** The answer could not be written (every drafter failed). */
  'unavailable',
]);
export type WidgetHandoffReason = z.infer<typeof widgetHandoffReasonSchema>;

/** A widget conversation as the visitor sees it. */
export const widgetConversationSchema = z.object({
  id: z.string(),
  status: widgetConversationStatusSchema,
  /** The person answering now (status `human`), by the name they chose to show. */
  agent: z.object({ name: z.string() }).optional(),
  /** The visitor's rating, once given. */
  rating: z.number().int().min(1).max(5).optional(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type WidgetConversation = z.infer<typeof widgetConversationSchema>;

export const widgetVisitorSchema = z.object({
  id: z.string(),
  verified: z.boolean(),
  name: z.string().optional(),
});
export type WidgetVisitor = z.infer<typeof widgetVisitorSchema>;

/** `POST /widget/v1/sites/:siteKey/sessions`: a new anonymous visitor, or the stored token resumed (and renewed). */
export const widgetSessionInputSchema = z.object({
  /** The token a previous session returned (kept in local storage); a bad or expired one starts a new visitor. */
  visitorToken: z.string().max(WIDGET_LIMITS.visitorTokenChars).optional(),
  identity: widgetIdentitySchema.optional(),
});
export type WidgetSessionInput = z.infer<typeof widgetSessionInputSchema>;

export const widgetSessionSchema = z.object({
  /** Sent back as `Authorization: Bearer <visitorToken>` on every other request. Signed; it expires. */
  visitorToken: z.string(),
  expiresAt: z.iso.datetime(),
  visitor: widgetVisitorSchema,
  /** The visitor's latest conversation on this site (a closed one too, so a reload can show its rating prompt), or null. */
  conversation: widgetConversationSchema.nullable(),
});
export type WidgetSession = z.infer<typeof widgetSessionSchema>;

/** A source an answer cites: `[n]` in the text refers to `n`. A link is http(s) only, never `javascript:`. */
export const widgetCitationSchema = z.object({
  n: z.number().int().positive(),
  title: z.string(),
  url: z.url({ protocol: /^https?$/ }).optional(),
});
export type WidgetCitation = z.infer<typeof widgetCitationSchema>;

export const widgetProactiveTriggerSchema = z.enum(['payment-failed', 'cart-abandoned']);
export type WidgetProactiveTrigger = z.infer<typeof widgetProactiveTriggerSchema>;

const messageBase = { id: z.string(), text: z.string(), sentAt: z.iso.datetime() };
const conversationId = z.string();

/**
 * What the stream sends, and what history replays. Every event has an id (the SSE `id:` line, or
 * `id` beside it in history) to resume after. Text is plain text: the bundle renders it as text,
 * never as HTML, and makes links only of citation URLs.
 *
 * `token`s are provisional: they show the AI's answer as it is written. The `answer` that follows
 * carries the whole text and replaces them; any other lasting event (or `retract`) discards them.
 * `typing`, `token`, `retract` and `error` are not stored and are not in history.
 */
export const widgetEventSchema = z.discriminatedUnion('type', [
  /** The stream now follows this conversation (the first one, or a new one after a close). */
  z.object({ type: z.literal('conversation'), conversationId, conversation: widgetConversationSchema }),
  /** The visitor's own message (echoed to every tab of theirs). */
  z.object({ type: z.literal('message'), conversationId, message: z.object(messageBase) }),
  /** The AI started writing. */
  z.object({ type: z.literal('typing'), conversationId }),
  z.object({ type: z.literal('token'), conversationId, text: z.string() }),
  /** Drop the provisional text: the writer restarted, the answer was withheld (a handoff follows), or a newer message interrupted it. */
  z.object({ type: z.literal('retract'), conversationId, reason: z.enum(['restart', 'withheld', 'interrupted']) }),
  z.object({
    type: z.literal('answer'),
    conversationId,
    message: z.object({ ...messageBase, citations: z.array(widgetCitationSchema), confidence: z.number().min(0).max(1) }),
  }),
  /** A person will answer; the AI stays silent in this conversation until they hand it back. */
  z.object({ type: z.literal('handoff'), conversationId, reason: widgetHandoffReasonSchema, at: z.iso.datetime() }),
  /** A person's reply, with the name they show. */
  z.object({
    type: z.literal('human'),
    conversationId,
    message: z.object({ ...messageBase, agent: z.object({ name: z.string() }) }),
  }),
  /** The person handed the conversation back: the AI answers again. */
  z.object({ type: z.literal('handback'), conversationId, at: z.iso.datetime() }),
  /** A message the visitor did not ask for, from something that happened in their account. */
  z.object({ type: z.literal('proactive'), conversationId, trigger: widgetProactiveTriggerSchema, message: z.object(messageBase) }),
  z.object({ type: z.literal('closed'), conversationId, at: z.iso.datetime() }),
  /** Ask the visitor to rate the conversation (after it was closed). */
  z.object({ type: z.literal('rating-request'), conversationId, at: z.iso.datetime() }),
  z.object({ type: z.literal('error'), conversationId: conversationId.optional(), error: tandemErrorSchema }),
]);
export type WidgetEvent = z.infer<typeof widgetEventSchema>;
export type WidgetEventType = WidgetEvent['type'];

/** One event with the id to resume after (opaque to clients: `<conversation>.<seq>` or `<conversation>.<seq>.<n>`). */
export const widgetStreamItemSchema = z.object({ id: z.string(), event: widgetEventSchema });
export type WidgetStreamItem = z.infer<typeof widgetStreamItemSchema>;

/** `GET …/conversations/:id`: the conversation's lasting events for a reload, and the id to open the stream after. */
export const widgetHistorySchema = z.object({
  conversation: widgetConversationSchema,
  events: z.array(widgetStreamItemSchema),
  /** Pass as `Last-Event-ID` (or `lastEventId`) when opening the stream, so nothing is shown twice. */
  lastEventId: z.string(),
});
export type WidgetHistory = z.infer<typeof widgetHistorySchema>;

/** `POST …/conversations/:id/messages`. */
export const widgetSendInputSchema = z.object({
  text: z.string().trim().min(1).max(WIDGET_LIMITS.messageChars),
  /** Chosen by the bundle per message: a retry with the same id stores nothing new and gets the same answer back. */
  clientMessageId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '8-64 letters, digits, _ or -'),
});
export type WidgetSendInput = z.infer<typeof widgetSendInputSchema>;

/**
 * The question as the visitor is typing it (debounced by the bundle), so the server can get ready
 * for it before it is sent; answered with 204. Redacted on arrival and never stored.
 */
export const widgetPreviewInputSchema = z.object({
  text: z.string().trim().min(1).max(WIDGET_LIMITS.messageChars),
});
export type WidgetPreviewInput = z.infer<typeof widgetPreviewInputSchema>;

export const widgetSentSchema = z.object({
  message: z.object(messageBase),
  /** The stored message's event id; the answer follows on the stream. */
  eventId: z.string(),
});
export type WidgetSent = z.infer<typeof widgetSentSchema>;

/** `POST …/conversations/:id/rating` (CSAT): once per conversation, a second rating replaces the first. */
export const widgetRatingInputSchema = z.object({
  score: z.number().int().min(1).max(5),
  comment: z.string().trim().max(WIDGET_LIMITS.ratingCommentChars).optional(),
});
export type WidgetRatingInput = z.infer<typeof widgetRatingInputSchema>;

export const widgetRatingSchema = z.object({
  conversationId: z.string(),
  score: z.number().int().min(1).max(5),
  comment: z.string().optional(),
  ratedAt: z.iso.datetime(),
});
export type WidgetRating = z.infer<typeof widgetRatingSchema>;

// ---- Admins: the sites of a workspace (tRPC `widget.sites.*`) ----

/** What an admin sets for a site. The identity secret is generated by the server, never set or shown again. */
export const widgetSiteSettingsSchema = z.object({
  name: z.string().trim().min(1).max(WIDGET_LIMITS.siteNameChars),
  /** Pages on these origins may use the key; every request from elsewhere is refused. */
  allowedOrigins: z.array(widgetOriginSchema).min(1).max(WIDGET_LIMITS.allowedOrigins),
  theme: widgetThemeSchema.prefault({}),
  /** An answer scoring below this is withheld and the conversation handed to a person. */
  confidenceThreshold: z.number().min(0).max(1).default(0.4),
  suggestedQuestions: suggestedQuestionsSchema.default([]),
});
export type WidgetSiteSettings = z.output<typeof widgetSiteSettingsSchema>;
export type WidgetSiteSettingsInput = z.input<typeof widgetSiteSettingsSchema>;

export const widgetSiteSchema = z.object({
  id: z.string(),
  siteKey: widgetSiteKeySchema,
  name: z.string(),
  allowedOrigins: z.array(z.string()),
  theme: widgetThemeSchema,
  confidenceThreshold: z.number().min(0).max(1),
  suggestedQuestions: z.array(z.string()),
  disabled: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type WidgetSite = z.infer<typeof widgetSiteSchema>;

/** Returned when a site is created or its secret rotated: the only time the identity secret is visible. */
export const createdWidgetSiteSchema = widgetSiteSchema.extend({
  /** The site's backend signs user ids with it (HMAC-SHA256, hex). Keep it on the server; never put it in a page. */
  identitySecret: z.string(),
});
export type CreatedWidgetSite = z.infer<typeof createdWidgetSiteSchema>;

// ---- Agents: the human queue (tRPC `widget.queue.*`, `widget.conversations.*`) ----

export const widgetAuthorSchema = z.enum(['visitor', 'ai', 'human', 'system']);
export type WidgetAuthor = z.infer<typeof widgetAuthorSchema>;

/** A conversation as a line of the queue. */
export const widgetQueueItemSchema = z.object({
  conversationId: z.string(),
  siteId: z.string(),
  siteName: z.string(),
  status: widgetConversationStatusSchema,
  handoffReason: widgetHandoffReasonSchema.optional(),
  visitor: z.object({
    id: z.string(),
    verified: z.boolean(),
    name: z.string().optional(),
    /** The verified user id (the customer's external id or e-mail), when verified. */
    userId: z.string().optional(),
  }),
  /** The person who took it, when one did. */
  agent: z.object({ name: z.string() }).optional(),
  /** The latest message, cut to a preview. */
  lastMessage: z.object({ author: widgetAuthorSchema, text: z.string(), at: z.iso.datetime() }).optional(),
  /** Since when it waits for a person (status `waiting-for-human`). */
  waitingSince: z.iso.datetime().optional(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type WidgetQueueItem = z.infer<typeof widgetQueueItemSchema>;

/** One line of a conversation's transcript, as agents read it. */
export const widgetTranscriptEntrySchema = z.object({
  id: z.string(),
  seq: z.number().int().positive(),
  author: widgetAuthorSchema,
  /** visitor/human: `message`; ai: `answer` or `proactive`; system: `handoff`, `handback`, `closed`, `rating-request`. */
  kind: z.string(),
  text: z.string(),
  at: z.iso.datetime(),
  authorName: z.string().optional(),
  citations: z.array(widgetCitationSchema).optional(),
  confidence: z.number().min(0).max(1).optional(),
  handoffReason: widgetHandoffReasonSchema.optional(),
});
export type WidgetTranscriptEntry = z.infer<typeof widgetTranscriptEntrySchema>;

/** What an agent gets when opening a conversation from the queue: everything to answer without asking again. */
export const widgetConversationDetailSchema = z.object({
  conversation: widgetQueueItemSchema,
  transcript: z.array(widgetTranscriptEntrySchema),
  /** The latest analysis of the visitor's messages (language, sentiment, frustration, intent). */
  analysis: ticketAnalysisSchema.optional(),
  /** The verified customer's live context now; null for an anonymous visitor or an unknown customer. */
  live: customerLiveStateSchema.nullable(),
  /** A change the visitor asked for, pre-filled: run it with `actions.execute` after checking it. */
  pendingAction: actionSuggestionSchema.optional(),
  rating: widgetRatingSchema.optional(),
});
export type WidgetConversationDetail = z.infer<typeof widgetConversationDetailSchema>;

/** What `widget.queue.watch` sends: a conversation changed (a message, a status), read it again with `widget.conversations.get`. */
export const widgetQueueChangeSchema = z.object({
  conversationId: z.string(),
  status: widgetConversationStatusSchema,
  /** The newest stored event of the conversation. */
  seq: z.number().int().nonnegative(),
  change: z.enum(['message', 'status']),
});
export type WidgetQueueChange = z.infer<typeof widgetQueueChangeSchema>;
