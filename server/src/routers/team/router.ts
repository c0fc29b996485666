import { procedureFor, router } from '../../trpc/init.js';
import { createToken, listTokens, revokeToken } from './tokens.handler.js';
import { createTokenInput, createTokenOutput, listTokensOutput, revokeTokenInput, revokeTokenOutput } from './tokens.schema.js';

export const teamRouter = router({
  listTokens: procedureFor('admin', 'lead')
    .output(listTokensOutput)
    .query(({ ctx }) => listTokens(ctx, ctx.principal)),
  createToken: procedureFor('admin')
    .input(createTokenInput)
    .output(createTokenOutput)
    .mutation(({ ctx, input }) => createToken(ctx, ctx.principal, input)),
  revokeToken: procedureFor('admin')
    .input(revokeTokenInput)
    .output(revokeTokenOutput)
    .mutation(({ ctx, input }) => revokeToken(ctx, ctx.principal, input.id)),
});
