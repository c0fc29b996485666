import { z } from 'zod';
import { assistPolicySchema } from '../../../assist/policy/assistPolicy.js';

/** The workspace's assist policy, with when it was last set (null: never, the defaults apply). */
export const getPolicyOutput = assistPolicySchema.extend({ updatedAt: z.iso.datetime().nullable() });
