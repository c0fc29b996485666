import type { z } from 'zod';
import { assistPolicySchema } from '../../../assist/policy/assistPolicy.js';
import { getPolicyOutput } from './get.schema.js';

/** The settings to change; the others keep their value. */
export const setPolicyInput = assistPolicySchema.partial().strict();
export type SetPolicyInput = z.infer<typeof setPolicyInput>;
/** The whole policy after the change. */
export const setPolicyOutput = getPolicyOutput;
