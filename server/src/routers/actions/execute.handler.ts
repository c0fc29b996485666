/**
 * Runs a suggestion the person confirmed (`confirmed: true`); the action's own roles, its
 * arguments and the idempotency key are checked by the assist engine.
 */
import type { ExecuteActionInput } from '@tandem/shared';
import type { HandlerOptions } from '../../trpc/procedures.js';

export const executeHandler = ({ ctx, input }: HandlerOptions<ExecuteActionInput>) => ctx.assist.execute(ctx.principal, input);
