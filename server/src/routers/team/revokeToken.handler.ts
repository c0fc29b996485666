/** Revokes one of the workspace's tokens (never the caller's own). */
import type { z } from 'zod';
import type { HandlerOptions } from '../../trpc/procedures.js';
import type { revokeTokenInput, revokeTokenOutput } from './revokeToken.schema.js';

export async function revokeTokenHandler({
  ctx,
  input,
}: HandlerOptions<z.output<typeof revokeTokenInput>>): Promise<z.output<typeof revokeTokenOutput>> {
  await ctx.team.revokeToken(ctx.principal, input.id);
  return { revoked: true };
}
