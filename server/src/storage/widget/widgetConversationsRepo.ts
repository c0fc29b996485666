/**
 * Widget conversations and the messages in them. A conversation's messages are numbered 1, 2, 3…
 * (`seq`), and every lasting thing that happens in it — a visitor's message, an answer, a
 * handoff, a person's reply, a close — is one message, stored in the same transaction as the
 * conversation's new status. So the numbering is the conversation's event log (a stream resumes
 * after a seq) and a status can never disagree with the messages that changed it.
 *
 * A visitor has at most one conversation that is not closed per site (a partial unique index),
 * so two tabs opening the widget at once share one.
 */
import type { SqlExecutor, Database } from '../database.js';
import { appendAnalyticsEvent } from '../analytics/analyticsEventsRepo.js';
import { actionSuggested, conversationStarted, recordWidgetMessage } from '../analytics/widgetAnalyticsEvents.js';
import { newId } from '../ids.js';

export type StoredConversationStatus = 'ai' | 'waiting-for-human' | 'human' | 'closed';
export type StoredAuthor = 'visitor' | 'ai' | 'human' | 'system';

export interface StoredWidgetConversation {
  id: string;
  tenantId: string;
  siteId: string;
  visitorId: string;
  /** The verified user id (external id or e-mail); null for an anonymous visitor. */
  visitorUserId: string | null;
  visitorName: string | null;
  channel: string;
  status: StoredConversationStatus;
  handoffReason: string | null;
  handoffAt: string | null;
  /** The write action the visitor asked for, pre-filled for an agent (an action suggestion). */
  pendingAction: Record<string, unknown> | null;
  /** The latest analysis of the visitor's messages. */
  analysis: Record<string, unknown> | null;
  agentTokenId: string | null;
  agentName: string | null;
  /** The seq of the newest message; 0 before the first. */
  lastSeq: number;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

export interface StoredWidgetMessage {
  id: string;
  tenantId: string;
  conversationId: string;
  seq: number;
  author: StoredAuthor;
  kind: string;
  authorName: string | null;
  text: string;
  citations: unknown[] | null;
  confidence: number | null;
  data: Record<string, unknown> | null;
  createdAt: string;
}

export interface NewWidgetMessage {
  author: StoredAuthor;
  kind: string;
  authorName?: string | undefined;
  text?: string | undefined;
  citations?: unknown[] | undefined;
  confidence?: number | undefined;
  data?: Record<string, unknown> | undefined;
  /** Unique per workspace: a second message with the same key is not stored (retries, once-only notices). */
  dedupeKey?: string | undefined;
}

/** What a message changes on its conversation; a field left out stays as it is, `null` clears it. */
export interface ConversationChange {
  status?: StoredConversationStatus;
  handoffReason?: string | null;
  pendingAction?: Record<string, unknown> | null;
  analysis?: Record<string, unknown> | null;
  agent?: { tokenId: string; name: string } | null;
}

export interface AppendInput {
  tenantId: string;
  conversationId: string;
  message: NewWidgetMessage;
  /** The message is stored only while the conversation has one of these statuses. */
  when?: readonly StoredConversationStatus[];
  change?: ConversationChange;
}

export type AppendResult =
  | { kind: 'appended'; message: StoredWidgetMessage; conversation: StoredWidgetConversation }
  /** A message with this dedupe key exists: it is returned, nothing changed. */
  | { kind: 'duplicate'; message: StoredWidgetMessage; conversation: StoredWidgetConversation }
  /** The conversation's status is not one of `when`: nothing changed. */
  | { kind: 'refused'; conversation: StoredWidgetConversation };

export interface NewWidgetConversation {
  tenantId: string;
  siteId: string;
  visitorId: string;
  visitorUserId: string | null;
  visitorName: string | null;
  channel: string;
}

/** A queue line: the conversation, its site's name and its newest message. */
export interface QueuedConversation {
  conversation: StoredWidgetConversation;
  siteName: string;
  lastMessage: { author: StoredAuthor; text: string; at: string } | undefined;
}

interface ConversationRow extends Record<string, unknown> {
  id: string;
  tenant_id: string;
  site_id: string;
  visitor_id: string;
  visitor_user_id: string | null;
  visitor_name: string | null;
  channel: string;
  status: StoredConversationStatus;
  handoff_reason: string | null;
  handoff_at: Date | string | null;
  pending_action: Record<string, unknown> | null;
  analysis: Record<string, unknown> | null;
  agent_token_id: string | null;
  agent_name: string | null;
  last_seq: number;
  created_at: Date | string;
  updated_at: Date | string;
  closed_at: Date | string | null;
}

interface QueueRow extends ConversationRow {
  site_name: string;
  last_author: StoredAuthor | null;
  last_text: string | null;
  last_at: Date | string | null;
}

interface MessageRow extends Record<string, unknown> {
  id: string;
  tenant_id: string;
  conversation_id: string;
  seq: number;
  author: StoredAuthor;
  kind: string;
  author_name: string | null;
  text: string;
  citations: unknown[] | null;
  confidence: number | null;
  data: Record<string, unknown> | null;
  created_at: Date | string;
}

const CONVERSATION_COLUMNS =
  'id, tenant_id, site_id, visitor_id, visitor_user_id, visitor_name, channel, status, handoff_reason, handoff_at, pending_action, analysis, agent_token_id, agent_name, last_seq, created_at, updated_at, closed_at';
const MESSAGE_COLUMNS = 'id, tenant_id, conversation_id, seq, author, kind, author_name, text, citations, confidence, data, created_at';
/** How much of the newest message a queue line shows. */
const PREVIEW_CHARS = 200;

const iso = (d: Date | string) => new Date(d).toISOString();
const isoOrNull = (d: Date | string | null) => (d === null ? null : iso(d));

const toConversation = (r: ConversationRow): StoredWidgetConversation => ({
  id: r.id,
  tenantId: r.tenant_id,
  siteId: r.site_id,
  visitorId: r.visitor_id,
  visitorUserId: r.visitor_user_id,
  visitorName: r.visitor_name,
  channel: r.channel,
  status: r.status,
  handoffReason: r.handoff_reason,
  handoffAt: isoOrNull(r.handoff_at),
  pendingAction: r.pending_action,
  analysis: r.analysis,
  agentTokenId: r.agent_token_id,
  agentName: r.agent_name,
  lastSeq: Number(r.last_seq),
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
  closedAt: isoOrNull(r.closed_at),
});

const toMessage = (r: MessageRow): StoredWidgetMessage => ({
  id: r.id,
  tenantId: r.tenant_id,
  conversationId: r.conversation_id,
  seq: Number(r.seq),
  author: r.author,
  kind: r.kind,
  authorName: r.author_name,
  text: r.text,
  citations: r.citations,
  confidence: r.confidence === null ? null : Number(r.confidence),
  data: r.data,
  createdAt: iso(r.created_at),
});

/** The `set` clause pieces and their parameters for a change, numbered from `first`. */
function changeClauses(change: ConversationChange, first: number): { clauses: string[]; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const set = (column: string, value: unknown, cast = '') => {
    params.push(value);
    clauses.push(`${column} = $${first + params.length - 1}${cast}`);
  };
  if (change.status !== undefined) {
    set('status', change.status);
    clauses.push(change.status === 'closed' ? 'closed_at = now()' : 'closed_at = null');
  }
  if (change.handoffReason !== undefined) {
    set('handoff_reason', change.handoffReason);
    clauses.push(change.handoffReason === null ? 'handoff_at = null' : 'handoff_at = now()');
  }
  if (change.pendingAction !== undefined)
    set('pending_action', change.pendingAction === null ? null : JSON.stringify(change.pendingAction), '::jsonb');
  if (change.analysis !== undefined) set('analysis', change.analysis === null ? null : JSON.stringify(change.analysis), '::jsonb');
  if (change.agent !== undefined) {
    set('agent_token_id', change.agent?.tokenId ?? null);
    set('agent_name', change.agent?.name ?? null);
  }
  return { clauses, params };
}

export function widgetConversationsRepo(db: Database) {
  const byId = async (tx: SqlExecutor, tenantId: string, id: string, lock: boolean) =>
    (
      await tx.query<ConversationRow>(
        `select ${CONVERSATION_COLUMNS} from widget_conversations where tenant_id = $1 and id = $2${lock ? ' for update' : ''}`,
        [tenantId, id],
      )
    ).map(toConversation)[0];

  async function openForVisitor(tenantId: string, siteId: string, visitorId: string): Promise<StoredWidgetConversation | undefined> {
    const rows = await db.query<ConversationRow>(
      `select ${CONVERSATION_COLUMNS} from widget_conversations
       where tenant_id = $1 and site_id = $2 and visitor_id = $3 and status <> 'closed'`,
      [tenantId, siteId, visitorId],
    );
    return rows[0] === undefined ? undefined : toConversation(rows[0]);
  }

  async function queued(where: string, params: unknown[]): Promise<QueuedConversation[]> {
    const rows = await db.query<QueueRow>(
      `select ${CONVERSATION_COLUMNS.split(', ')
        .map((c) => `c.${c}`)
        .join(', ')}, s.name as site_name, m.author as last_author, left(m.text, ${PREVIEW_CHARS}) as last_text, m.created_at as last_at
       from widget_conversations c
       join widget_sites s on s.id = c.site_id
       left join lateral (
         select author, text, created_at from widget_messages
         where conversation_id = c.id and author <> 'system' order by seq desc limit 1
       ) m on true
       where ${where}`,
      params,
    );
    return rows.map((r) => ({
      conversation: toConversation(r),
      siteName: r.site_name,
      lastMessage:
        r.last_author === null || r.last_at === null ? undefined : { author: r.last_author, text: r.last_text ?? '', at: iso(r.last_at) },
    }));
  }

  return {
    /** The visitor's open conversation on the site, created when there is none (`created` says which). */
    async openOrCreate(input: NewWidgetConversation): Promise<{ conversation: StoredWidgetConversation; created: boolean }> {
      // The analytics event commits with the conversation it records.
      const created = await db.transaction(async (tx) => {
        const inserted = await tx.query<ConversationRow>(
          `insert into widget_conversations (id, tenant_id, site_id, visitor_id, visitor_user_id, visitor_name, channel, status)
           values ($1, $2, $3, $4, $5, $6, $7, 'ai')
           on conflict (tenant_id, site_id, visitor_id) where status <> 'closed' do nothing
           returning ${CONVERSATION_COLUMNS}`,
          [newId('wc'), input.tenantId, input.siteId, input.visitorId, input.visitorUserId, input.visitorName, input.channel],
        );
        const conversation = inserted[0] === undefined ? undefined : toConversation(inserted[0]);
        if (conversation !== undefined) await appendAnalyticsEvent(tx, conversationStarted(conversation));
        return conversation;
      });
      if (created !== undefined) return { conversation: created, created: true };
      const open = await openForVisitor(input.tenantId, input.siteId, input.visitorId);
      if (open === undefined) throw new Error('a conversation was neither created nor open');
      return { conversation: open, created: false };
    },

    get: (tenantId: string, id: string) => byId(db, tenantId, id, false),

    /** The visitor's conversation on the site that is not closed, if any. */
    openForVisitor,

    /** The conversation only if it is this visitor's on this site: any other id, however real, is undefined. */
    async ofVisitor(tenantId: string, siteId: string, visitorId: string, id: string): Promise<StoredWidgetConversation | undefined> {
      const rows = await db.query<ConversationRow>(
        `select ${CONVERSATION_COLUMNS} from widget_conversations where tenant_id = $1 and site_id = $2 and visitor_id = $3 and id = $4`,
        [tenantId, siteId, visitorId, id],
      );
      return rows[0] === undefined ? undefined : toConversation(rows[0]);
    },

    /** The visitor's newest conversation on the site, closed or not. */
    async latestForVisitor(tenantId: string, siteId: string, visitorId: string): Promise<StoredWidgetConversation | undefined> {
      const rows = await db.query<ConversationRow>(
        `select ${CONVERSATION_COLUMNS} from widget_conversations
         where tenant_id = $1 and site_id = $2 and visitor_id = $3 order by created_at desc, id desc limit 1`,
        [tenantId, siteId, visitorId],
      );
      return rows[0] === undefined ? undefined : toConversation(rows[0]);
    },

    /**
     * Stores a message and applies its change to the conversation in one transaction, numbering
     * it after the conversation's newest; undefined when the workspace has no such conversation.
     */
    async append(input: AppendInput): Promise<AppendResult | undefined> {
      return db.transaction(async (tx) => {
        const conversation = await byId(tx, input.tenantId, input.conversationId, true);
        if (conversation === undefined) return undefined;
        const { message } = input;
        if (message.dedupeKey !== undefined) {
          const existing = await tx.query<MessageRow>(
            `select ${MESSAGE_COLUMNS} from widget_messages where tenant_id = $1 and dedupe_key = $2`,
            [input.tenantId, message.dedupeKey],
          );
          if (existing[0] !== undefined) return { kind: 'duplicate', message: toMessage(existing[0]), conversation };
        }
        if (input.when !== undefined && !input.when.includes(conversation.status)) return { kind: 'refused', conversation };
        const seq = conversation.lastSeq + 1;
        const stored = await tx.query<MessageRow>(
          `insert into widget_messages (id, tenant_id, conversation_id, seq, author, kind, author_name, text, citations, confidence, data, dedupe_key)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11::jsonb, $12) returning ${MESSAGE_COLUMNS}`,
          [
            newId('wm'),
            input.tenantId,
            input.conversationId,
            seq,
            message.author,
            message.kind,
            message.authorName ?? null,
            message.text ?? '',
            message.citations === undefined ? null : JSON.stringify(message.citations),
            message.confidence ?? null,
            message.data === undefined ? null : JSON.stringify(message.data),
            message.dedupeKey ?? null,
          ],
        );
        const { clauses, params } = changeClauses(input.change ?? {}, 4);
        const updated = await tx.query<ConversationRow>(
          `update widget_conversations set ${['last_seq = $3', 'updated_at = now()', ...clauses].join(', ')}
           where tenant_id = $1 and id = $2 returning ${CONVERSATION_COLUMNS}`,
          [input.tenantId, input.conversationId, seq, ...params],
        );
        const appended = toMessage(stored[0] as MessageRow);
        const after = toConversation(updated[0] as ConversationRow);
        await recordWidgetMessage(tx, appended, after);
        const action = input.change?.pendingAction;
        if (action !== undefined && action !== null) {
          const name = typeof action.action === 'string' ? action.action : typeof action.name === 'string' ? action.name : 'unknown';
          await appendAnalyticsEvent(tx, actionSuggested(after, name, appended.createdAt, appended.id));
        }
        return { kind: 'appended', message: appended, conversation: after };
      });
    },

    /** Messages after `afterSeq`, oldest first. */
    async messagesAfter(tenantId: string, conversationId: string, afterSeq: number, limit: number): Promise<StoredWidgetMessage[]> {
      const rows = await db.query<MessageRow>(
        `select ${MESSAGE_COLUMNS} from widget_messages where tenant_id = $1 and conversation_id = $2 and seq > $3 order by seq limit $4`,
        [tenantId, conversationId, afterSeq, limit],
      );
      return rows.map(toMessage);
    },

    /** A workspace's conversations with these statuses, the longest-waiting first, with their site's name and newest message. */
    queue: (tenantId: string, statuses: readonly StoredConversationStatus[], limit: number): Promise<QueuedConversation[]> =>
      queued('c.tenant_id = $1 and c.status = any($2::text[]) order by coalesce(c.handoff_at, c.updated_at), c.id limit $3', [
        tenantId,
        statuses,
        limit,
      ]),

    /** One conversation as a queue line. */
    async queued(tenantId: string, id: string): Promise<QueuedConversation | undefined> {
      return (await queued('c.tenant_id = $1 and c.id = $2', [tenantId, id]))[0];
    },
  };
}
export type WidgetConversationsRepo = ReturnType<typeof widgetConversationsRepo>;
