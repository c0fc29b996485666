import { router } from '../../trpc/init.js';
import { admins, leads } from '../../trpc/procedures.js';
import { createTokenHandler } from './createToken.handler.js';
import { createTokenInput, createTokenOutput } from './createToken.schema.js';
import { listTokensHandler } from './listTokens.handler.js';
import { listTokensOutput } from './listTokens.schema.js';
import { revokeTokenHandler } from './revokeToken.handler.js';
import { revokeTokenInput, revokeTokenOutput } from './revokeToken.schema.js';

export const teamRouter = router({
  listTokens: leads.output(listTokensOutput).query(listTokensHandler),
  createToken: admins.input(createTokenInput).output(createTokenOutput).mutation(createTokenHandler),
  revokeToken: admins.input(revokeTokenInput).output(revokeTokenOutput).mutation(revokeTokenHandler),
});
