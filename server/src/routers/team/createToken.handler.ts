/** A new token for a member or integration of the caller's workspace; the token is shown only in this answer. */
import type { CreateTokenInput } from '@tandem/shared';
import type { HandlerOptions } from '../../trpc/procedures.js';

export const createTokenHandler = ({ ctx, input }: HandlerOptions<CreateTokenInput>) => ctx.team.createToken(ctx.principal, input);
