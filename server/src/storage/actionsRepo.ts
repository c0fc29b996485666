/**
 * Suggested actions and their executions. A suggestion is stored when the assistant makes it, so
 * `actions.execute` runs exactly what was suggested (or what the agent edited), never a
 * model-made call. Executions are the audit trail: who, what, with which arguments, and the
 * result; the idempotency key is unique per tenant, so a retried confirmation never runs twice.
 */
import { appendAnalyticsEvents } from './analytics/analyticsEventsRepo.js';
import { actionEvent } from './analytics/copilotAnalyticsEvents.js';
import { inTransaction } from './analytics/inTransaction.js';
import type { ActionResult, ActionRisk, Role } from '@tandem/shared';
import type { Database, SqlExecutor } from './database.js';

export interface StoredSuggestion {
  id: string;
  tenantId: string;
  ticketId: string;
  action: string;
  risk: ActionRisk;
  arguments: Record<string, unknown>;
  flaggedReason: string | null;
  createdAt: string;
}

export interface StoredExecution {
  id: string;
  tenantId: string;
  suggestionId: string;
  idempotencyKey: string;
  action: string;
  arguments: Record<string, unknown>;
  executedBy: string;
  executedByRole: Role;
  status: 'running' | 'succeeded' | 'failed';
  result: ActionResult | null;
  startedAt: string;
  finishedAt: string | null;
}

interface SuggestionRow extends Record<string, unknown> {
  id: string;
  tenant_id: string;
  ticket_id: string;
  action: string;
  risk: ActionRisk;
  arguments: Record<string, unknown>;
  flagged_reason: string | null;
  created_at: Date | string;
}

interface ExecutionRow extends Record<string, unknown> {
  id: string;
  tenant_id: string;
  suggestion_id: string;
  idempotency_key: string;
  action: string;
  arguments: Record<string, unknown>;
  executed_by: string;
  executed_by_role: Role;
  status: StoredExecution['status'];
  result: ActionResult | null;
  started_at: Date | string;
  finished_at: Date | string | null;
}

const iso = (d: Date | string) => new Date(d).toISOString();

const toSuggestion = (r: SuggestionRow): StoredSuggestion => ({
  id: r.id,
  tenantId: r.tenant_id,
  ticketId: r.ticket_id,
  action: r.action,
  risk: r.risk,
  arguments: r.arguments,
  flaggedReason: r.flagged_reason,
  createdAt: iso(r.created_at),
});

const toExecution = (r: ExecutionRow): StoredExecution => ({
  id: r.id,
  tenantId: r.tenant_id,
  suggestionId: r.suggestion_id,
  idempotencyKey: r.idempotency_key,
  action: r.action,
  arguments: r.arguments,
  executedBy: r.executed_by,
  executedByRole: r.executed_by_role,
  status: r.status,
  result: r.result,
  startedAt: iso(r.started_at),
  finishedAt: r.finished_at === null ? null : iso(r.finished_at),
});

const EXECUTION_COLUMNS =
  'id, tenant_id, suggestion_id, idempotency_key, action, arguments, executed_by, executed_by_role, status, result, started_at, finished_at';

export function actionsRepo(db: SqlExecutor | Database) {
  return {
    async saveSuggestions(suggestions: readonly Omit<StoredSuggestion, 'createdAt'>[]): Promise<void> {
      await inTransaction(db, async (tx) => {
        for (const s of suggestions)
          await tx.query(
            `insert into action_suggestions (id, tenant_id, ticket_id, action, risk, arguments, flagged_reason) values ($1, $2, $3, $4, $5, $6, $7)`,
            [s.id, s.tenantId, s.ticketId, s.action, s.risk, JSON.stringify(s.arguments), s.flaggedReason],
          );
        const at = new Date().toISOString();
        await appendAnalyticsEvents(
          tx,
          suggestions.map((s) =>
            actionEvent({ tenantId: s.tenantId, key: s.id, ticketId: s.ticketId, agentId: null, action: s.action, at }),
          ),
        );
      });
    },
    async getSuggestion(tenantId: string, id: string): Promise<StoredSuggestion | undefined> {
      const rows = await db.query<SuggestionRow>(
        'select id, tenant_id, ticket_id, action, risk, arguments, flagged_reason, created_at from action_suggestions where tenant_id = $1 and id = $2',
        [tenantId, id],
      );
      return rows[0] === undefined ? undefined : toSuggestion(rows[0]);
    },
    /**
     * Claims an idempotency key for a new execution. Returns the existing execution instead when
     * the key was already used in this tenant (the caller replays its result).
     */
    async claimExecution(
      execution: Omit<StoredExecution, 'status' | 'result' | 'startedAt' | 'finishedAt'>,
    ): Promise<{ claimed: true } | { claimed: false; existing: StoredExecution }> {
      const inserted = await db.query<{ id: string }>(
        `insert into action_executions (id, tenant_id, suggestion_id, idempotency_key, action, arguments, executed_by, executed_by_role, status)
         values ($1, $2, $3, $4, $5, $6, $7, $8, 'running') on conflict (tenant_id, idempotency_key) do nothing returning id`,
        [
          execution.id,
          execution.tenantId,
          execution.suggestionId,
          execution.idempotencyKey,
          execution.action,
          JSON.stringify(execution.arguments),
          execution.executedBy,
          execution.executedByRole,
        ],
      );
      if (inserted.length > 0) return { claimed: true };
      const rows = await db.query<ExecutionRow>(
        `select ${EXECUTION_COLUMNS} from action_executions where tenant_id = $1 and idempotency_key = $2`,
        [execution.tenantId, execution.idempotencyKey],
      );
      return { claimed: false, existing: toExecution(rows[0] as ExecutionRow) };
    },
    async finishExecution(id: string, result: ActionResult): Promise<void> {
      await inTransaction(db, async (tx) => {
        const rows = await tx.query<{
          tenant_id: string;
          suggestion_id: string;
          action: string;
          executed_by: string;
          finished_at: Date | string;
        }>(
          `update action_executions set status = $2, result = $3, finished_at = now() where id = $1
           returning tenant_id, suggestion_id, action, executed_by, finished_at`,
          [id, result.status, JSON.stringify(result)],
        );
        const done = rows[0];
        if (done === undefined) return;
        const at = new Date(done.finished_at).toISOString();
        const event = actionEvent({
          tenantId: done.tenant_id,
          key: id,
          ticketId: null,
          agentId: done.executed_by,
          action: done.action,
          at,
          ok: result.status === 'succeeded',
        });
        await appendAnalyticsEvents(tx, [event]);
      });
    },
    async listExecutions(tenantId: string, limit: number): Promise<StoredExecution[]> {
      const rows = await db.query<ExecutionRow>(
        `select ${EXECUTION_COLUMNS} from action_executions where tenant_id = $1 order by started_at desc, id limit $2`,
        [tenantId, limit],
      );
      return rows.map(toExecution);
    },
  };
}
export type ActionsRepo = ReturnType<typeof actionsRepo>;
