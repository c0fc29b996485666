/**
 * Runs a suggested action after a person confirmed it. Only a stored suggestion can run (never a
 * model's tool call on its own), with the arguments the agent approved, validated again by the
 * action's schema, by a role the action allows, once per idempotency key. Every execution is
 * audited in the store: who, what, arguments, result.
 */
import { randomUUID } from 'node:crypto';
import type { ActionResult, ExecuteActionInput, Principal } from '@tandem/shared';
import { ServiceError } from '../../errors/serviceError.js';
import type { Logger } from '../../logging/logger.js';
import type { Store } from '../../storage/store.js';
import { ConnectorError } from './actionDefinition.js';
import type { ActionCatalog } from './suggestActions.js';

const EXECUTION_TIMEOUT_MS = 15_000;

export interface ExecuteDeps {
  store: Store;
  actions: ActionCatalog;
  log: Logger;
  /** Tells the workspace's own systems (outbound webhooks); never the arguments, which may hold personal data. */
  notify?: ((tenantId: string, type: 'action.executed' | 'handoff.created', data: Record<string, unknown>) => void) | undefined;
}

export async function executeAction(deps: ExecuteDeps, principal: Principal, input: ExecuteActionInput): Promise<ActionResult> {
  const tenantId = principal.tenantId;
  const suggestion = await deps.store.actions.getSuggestion(tenantId, input.suggestionId);
  if (suggestion === undefined) throw new ServiceError('NOT_FOUND', 'No such suggested action in this workspace');
  const definition = deps.actions.get(suggestion.action);
  if (definition === undefined) throw new ServiceError('NOT_FOUND', `The action ${suggestion.action} is no longer configured`);
  if (!definition.allowedRoles.includes(principal.role))
    throw new ServiceError('FORBIDDEN', `${definition.title} needs one of the roles: ${definition.allowedRoles.join(', ')}`);
  const parsed = definition.argumentsSchema.safeParse(input.arguments ?? suggestion.arguments);
  if (!parsed.success) throw new ServiceError('BAD_REQUEST', 'The arguments do not fit this action', { cause: parsed.error });

  const executionId = `ex_${randomUUID()}`;
  const claim = await deps.store.actions.claimExecution({
    id: executionId,
    tenantId,
    suggestionId: suggestion.id,
    idempotencyKey: input.idempotencyKey,
    action: definition.name,
    arguments: parsed.data,
    executedBy: principal.tokenId,
    executedByRole: principal.role,
  });
  if (!claim.claimed) {
    if (claim.existing.suggestionId !== suggestion.id)
      throw new ServiceError('CONFLICT', 'This idempotency key was already used for another action');
    if (claim.existing.result === null) throw new ServiceError('CONFLICT', 'This action is still running');
    return claim.existing.result;
  }

  const executedAt = () => new Date().toISOString();
  let result: ActionResult;
  try {
    const outcome = await definition.execute(parsed.data, {
      tenantId,
      idempotencyKey: input.idempotencyKey,
      signal: AbortSignal.timeout(EXECUTION_TIMEOUT_MS),
    });
    result = {
      status: 'succeeded',
      suggestionId: suggestion.id,
      action: definition.name,
      summary: outcome.summary,
      output: outcome.output,
      executedAt: executedAt(),
    };
  } catch (error) {
    const message = error instanceof ConnectorError ? error.message : 'The action failed unexpectedly';
    if (!(error instanceof ConnectorError)) deps.log.error({ err: error, action: definition.name }, 'action failed');
    result = { status: 'failed', suggestionId: suggestion.id, action: definition.name, error: message, executedAt: executedAt() };
  }
  await deps.store.actions.finishExecution(executionId, result);
  const notice = {
    executionId,
    suggestionId: suggestion.id,
    action: definition.name,
    status: result.status,
    ...(result.status === 'succeeded' ? { summary: result.summary } : { error: result.error }),
    executedAt: result.executedAt,
    executedBy: principal.tokenId,
  };
  deps.notify?.(tenantId, 'action.executed', notice);
  // Handing a conversation to a person is an action too; the tenant's systems hear of it as a handoff.
  if (result.status === 'succeeded' && /transferToHuman$/.test(definition.name)) deps.notify?.(tenantId, 'handoff.created', notice);
  // The audit log line names the action and the person, never the arguments (they may hold PII).
  deps.log.info(
    { action: definition.name, suggestionId: suggestion.id, executionId, by: principal.tokenId, status: result.status },
    'action executed',
  );
  return result;
}
