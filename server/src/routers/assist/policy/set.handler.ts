/** Changes the workspace's assist policy (admins only); returns the whole policy as stored. */
import type { HandlerOptions } from '../../../trpc/procedures.js';
import type { SetPolicyInput } from './set.schema.js';

export const setPolicyHandler = ({ ctx, input }: HandlerOptions<SetPolicyInput>) => ctx.assist.policy.set(ctx.tenantId, input);
