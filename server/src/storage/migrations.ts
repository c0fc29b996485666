/**
 * Schema migrations, applied in order at start, each in its own transaction and recorded so it
 * runs once. Plain PostgreSQL that both drivers accept; pgvector is optional (see docs/architecture.md).
 */
import type { Database } from './database.js';

interface Migration {
  id: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    id: 1,
    name: 'tenants and api tokens',
    sql: `
      create table tenants (
        id text primary key,
        name text not null,
        created_at timestamptz not null default now()
      );
      create table api_tokens (
        id text primary key,
        tenant_id text not null references tenants(id) on delete cascade,
        name text not null,
        role text not null check (role in ('admin', 'lead', 'agent')),
        token_hash text not null unique,
        created_at timestamptz not null default now(),
        last_used_at timestamptz,
        revoked_at timestamptz
      );
      create index api_tokens_tenant on api_tokens (tenant_id);
    `,
  },
  {
    id: 2,
    name: 'knowledge: sources, versioned documents, chunks, change feed, ingestion jobs',
    sql: `
      create table knowledge_sources (
        id text primary key,
        tenant_id text not null references tenants(id) on delete cascade,
        kind text not null,
        name text not null,
        location text,
        settings jsonb not null default '{}',
        created_at timestamptz not null default now(),
        last_synced_at timestamptz,
        unique (tenant_id, kind, name)
      );
      create table knowledge_documents (
        id text primary key,
        tenant_id text not null references tenants(id) on delete cascade,
        source_id text not null references knowledge_sources(id) on delete cascade,
        external_id text not null,
        title text not null,
        url text,
        language text,
        tags jsonb not null default '[]',
        version integer not null,
        content_hash text not null,
        updated_at timestamptz not null default now(),
        title_embedding bytea,
        unique (tenant_id, source_id, external_id)
      );
      create table knowledge_chunks (
        id text primary key,
        tenant_id text not null,
        document_id text not null references knowledge_documents(id) on delete cascade,
        ordinal integer not null,
        text text not null,
        section_path jsonb not null,
        embedding bytea
      );
      create index knowledge_chunks_document on knowledge_chunks (document_id);
      create index knowledge_chunks_unembedded on knowledge_chunks (tenant_id) where embedding is null;
      create table knowledge_changes (
        seq bigserial primary key,
        tenant_id text not null,
        document_id text not null,
        op text not null check (op in ('upsert', 'delete', 'vectors')),
        version integer not null,
        at timestamptz not null default now()
      );
      create index knowledge_changes_tenant on knowledge_changes (tenant_id, seq);
      create table knowledge_meta (
        key text primary key,
        value text not null
      );
      create table ingest_jobs (
        id text primary key,
        tenant_id text not null references tenants(id) on delete cascade,
        source_id text references knowledge_sources(id) on delete set null,
        status text not null,
        items jsonb not null,
        done jsonb not null default '[]',
        errors jsonb not null default '[]',
        bytes_done bigint not null default 0,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        finished_at timestamptz
      );
      create index ingest_jobs_tenant on ingest_jobs (tenant_id, created_at)
    `,
  },
  {
    id: 3,
    name: 'assist: suggested actions and their audited executions',
    sql: `
      create table action_suggestions (
        id text primary key,
        tenant_id text not null references tenants(id) on delete cascade,
        ticket_id text not null,
        action text not null,
        risk text not null check (risk in ('read', 'write')),
        arguments jsonb not null,
        flagged_reason text,
        created_at timestamptz not null default now()
      );
      create index action_suggestions_tenant on action_suggestions (tenant_id, created_at);
      create table action_executions (
        id text primary key,
        tenant_id text not null references tenants(id) on delete cascade,
        suggestion_id text not null references action_suggestions(id) on delete cascade,
        idempotency_key text not null,
        action text not null,
        arguments jsonb not null,
        executed_by text not null,
        executed_by_role text not null,
        status text not null check (status in ('running', 'succeeded', 'failed')),
        result jsonb,
        started_at timestamptz not null default now(),
        finished_at timestamptz,
        unique (tenant_id, idempotency_key)
      );
      create index action_executions_tenant on action_executions (tenant_id, started_at)
    `,
  },
  {
    id: 4,
    name: 'live customer context: webhook sources and the live event log',
    sql: `
      create table live_sources (
        id text primary key,
        tenant_id text not null references tenants(id) on delete cascade,
        name text not null,
        secret text not null,
        created_at timestamptz not null default now(),
        unique (tenant_id, name)
      );
      create table live_events (
        tenant_id text not null references tenants(id) on delete cascade,
        source_id text not null references live_sources(id) on delete cascade,
        event_id text not null,
        seq bigserial not null,
        type text not null,
        occurred_at timestamptz not null,
        source_version bigint,
        customer_email text,
        customer_external_id text,
        data jsonb not null,
        received_at timestamptz not null default now(),
        primary key (tenant_id, source_id, event_id)
      );
      create index live_events_tenant_seq on live_events (tenant_id, seq);
      create index live_events_customer_email on live_events (tenant_id, customer_email, seq) where customer_email is not null;
      create index live_events_customer_external on live_events (tenant_id, customer_external_id, seq) where customer_external_id is not null
    `,
  },
  {
    id: 5,
    name: 'live customer context: notifications fired by proactive triggers',
    sql: `
      create table live_notifications (
        seq bigserial primary key,
        tenant_id text not null references tenants(id) on delete cascade,
        occurrence_key text not null,
        kind text not null,
        customer_key text not null,
        title text not null,
        detail text not null,
        at timestamptz not null,
        created_at timestamptz not null default now(),
        unique (tenant_id, occurrence_key)
      );
      create index live_notifications_tenant on live_notifications (tenant_id, seq)
    `,
  },
  {
    id: 6,
    name: 'outbound webhooks: tenant endpoints and the delivery log',
    sql: `
      create table outbound_endpoints (
        id text primary key,
        tenant_id text not null references tenants(id) on delete cascade,
        url text not null,
        secret text not null,
        event_types jsonb not null,
        created_at timestamptz not null default now(),
        disabled_at timestamptz
      );
      create index outbound_endpoints_tenant on outbound_endpoints (tenant_id, created_at);
      create table outbound_deliveries (
        id text primary key,
        tenant_id text not null references tenants(id) on delete cascade,
        endpoint_id text not null references outbound_endpoints(id) on delete cascade,
        event_id text not null,
        event_type text not null,
        payload jsonb not null,
        status text not null check (status in ('pending', 'succeeded', 'failed')),
        attempts integer not null default 0,
        next_attempt_at timestamptz not null,
        last_status_code integer,
        last_error text,
        created_at timestamptz not null default now(),
        delivered_at timestamptz
      );
      create index outbound_deliveries_due on outbound_deliveries (next_attempt_at) where status = 'pending';
      create index outbound_deliveries_tenant on outbound_deliveries (tenant_id, created_at)
    `,
  },
  {
    id: 7,
    name: 'assist: what agents thought of each draft and what became of it',
    sql: `
      create table draft_feedback (
        tenant_id text not null references tenants(id) on delete cascade,
        draft_id text not null,
        token_id text not null,
        rating text check (rating in ('helpful', 'not-helpful')),
        outcome text check (outcome in ('sent-as-is', 'sent-edited', 'discarded')),
        kept_ratio double precision check (kept_ratio >= 0 and kept_ratio <= 1),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        primary key (tenant_id, draft_id)
      )
    `,
  },
  {
    id: 8,
    name: 'sync identity: the data epoch, the change feed pruning horizons',
    sql: `
      create table store_identity (
        singleton boolean primary key default true check (singleton),
        epoch text not null,
        created_at timestamptz not null default now()
      );
      insert into store_identity (epoch) values (gen_random_uuid()::text);
      create table knowledge_feed_horizons (
        tenant_id text primary key,
        seq bigint not null
      );
      create index knowledge_changes_document on knowledge_changes (document_id, seq);
      create index knowledge_changes_at on knowledge_changes (at)
    `,
  },
  {
    id: 9,
    name: 'workspace settings: one json value per workspace and key (assist policy first)',
    sql: `
      create table workspace_settings (
        tenant_id text not null references tenants(id) on delete cascade,
        key text not null,
        value jsonb not null,
        updated_at timestamptz not null default now(),
        primary key (tenant_id, key)
      )
    `,
  },
  {
    id: 10,
    name: 'website widget: sites with their keys, conversations, their messages as an event log, ratings',
    sql: `
      create table widget_sites (
        id text primary key,
        tenant_id text not null references tenants(id) on delete cascade,
        site_key text not null unique,
        name text not null,
        allowed_origins jsonb not null,
        theme jsonb not null,
        confidence_threshold double precision not null check (confidence_threshold >= 0 and confidence_threshold <= 1),
        suggested_questions jsonb not null,
        identity_secret_sealed text not null,
        disabled_at timestamptz,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );
      create index widget_sites_tenant on widget_sites (tenant_id);
      create table widget_conversations (
        id text primary key,
        tenant_id text not null references tenants(id) on delete cascade,
        site_id text not null references widget_sites(id) on delete cascade,
        visitor_id text not null,
        visitor_user_id text,
        visitor_name text,
        channel text not null,
        status text not null check (status in ('ai', 'waiting-for-human', 'human', 'closed')),
        handoff_reason text,
        handoff_at timestamptz,
        pending_action jsonb,
        analysis jsonb,
        agent_token_id text,
        agent_name text,
        last_seq integer not null default 0,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        closed_at timestamptz
      );
      create unique index widget_conversations_one_open on widget_conversations (tenant_id, site_id, visitor_id) where status <> 'closed';
      create index widget_conversations_visitor on widget_conversations (tenant_id, site_id, visitor_id, created_at);
      create index widget_conversations_queue on widget_conversations (tenant_id, status, updated_at);
      create table widget_messages (
        id text not null unique,
        tenant_id text not null references tenants(id) on delete cascade,
        conversation_id text not null references widget_conversations(id) on delete cascade,
        seq integer not null,
        author text not null check (author in ('visitor', 'ai', 'human', 'system')),
        kind text not null,
        author_name text,
        text text not null,
        citations jsonb,
        confidence double precision,
        data jsonb,
        dedupe_key text,
        created_at timestamptz not null default now(),
        primary key (conversation_id, seq)
      );
      create unique index widget_messages_dedupe on widget_messages (tenant_id, dedupe_key) where dedupe_key is not null;
      create table widget_ratings (
        conversation_id text primary key references widget_conversations(id) on delete cascade,
        tenant_id text not null references tenants(id) on delete cascade,
        score integer not null check (score between 1 and 5),
        comment text,
        rated_at timestamptz not null default now()
      )
    `,
  },
  {
    id: 11,
    name: 'assist: the confidence each draft was given, by which confidence model (per-workspace review thresholds)',
    sql: `
      create table draft_scores (
        tenant_id text not null references tenants(id) on delete cascade,
        draft_id text not null,
        confidence double precision not null check (confidence >= 0 and confidence <= 1),
        model_version text not null,
        created_at timestamptz not null default now(),
        primary key (tenant_id, draft_id)
      );
      create index draft_scores_model on draft_scores (tenant_id, model_version, created_at)
    `,
  },
  {
    id: 12,
    name: 'analytics: the append-only event stream (one event per dedupe key and workspace) and its minute/hour/day aggregates',
    // analytics_buckets: rows with channel '*' (agent '*') roll up every channel and agent, so an
    // unfiltered summary reads one row per bucket and measure; the key leads with channel and agent
    // so each filter is a range scan of it.
    sql: `
      create table analytics_events (
        seq bigint generated always as identity primary key,
        id text not null unique,
        tenant_id text not null references tenants(id) on delete cascade,
        kind text not null,
        channel text not null check (channel in ('widget', 'extension', 'api')),
        agent_id text,
        customer_id text,
        conversation_id text,
        occurred_at timestamptz not null,
        recorded_at timestamptz not null default now(),
        dedupe_key text not null,
        data jsonb not null,
        unique (tenant_id, dedupe_key)
      );
      create index analytics_events_period on analytics_events (tenant_id, occurred_at);
      create table analytics_buckets (
        tenant_id text not null references tenants(id) on delete cascade,
        bucket text not null check (bucket in ('minute', 'hour', 'day')),
        start timestamptz not null,
        channel text not null check (channel in ('widget', 'extension', 'api', '*')),
        agent_id text not null default '',
        measure text not null,
        count bigint not null default 0,
        total double precision not null default 0,
        primary key (tenant_id, channel, agent_id, bucket, start, measure)
      )
    `,
  },
  {
    id: 13,
    name: 'analytics alerts: rules per workspace (threshold over a window) and the breach state of each, so a restart does not fire an open breach again',
    sql: `
      create table analytics_alert_rules (
        id text primary key,
        tenant_id text not null references tenants(id) on delete cascade,
        kind text not null check (kind in ('sla-wait', 'negative-sentiment', 'fallback-spike', 'csat-drop')),
        name text not null,
        threshold double precision not null,
        window_minutes integer not null check (window_minutes > 0),
        min_samples integer not null default 1,
        enabled boolean not null default true,
        breach_number integer not null default 0,
        breached_since timestamptz,
        breach_value double precision,
        acknowledged_at timestamptz,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );
      create index analytics_alert_rules_tenant on analytics_alert_rules (tenant_id)
    `,
  },
];

export async function migrate(db: Database): Promise<number[]> {
  await db.exec(
    `create table if not exists schema_migrations (id integer primary key, name text not null, applied_at timestamptz not null default now())`,
  );
  const done = new Set((await db.query<{ id: number }>('select id from schema_migrations')).map((r) => r.id));
  const applied: number[] = [];
  for (const migration of MIGRATIONS) {
    if (done.has(migration.id)) continue;
    await db.transaction(async (tx) => {
      for (const statement of splitStatements(migration.sql)) await tx.query(statement);
      await tx.query('insert into schema_migrations (id, name) values ($1, $2)', [migration.id, migration.name]);
    });
    applied.push(migration.id);
  }
  return applied;
}

/** Migrations hold no semicolons inside literals, so a plain split is enough. */
function splitStatements(sql: string): string[] {
  return sql
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
