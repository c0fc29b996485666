/**
 * A workspace's assist policy, kept in the store's workspace settings (key `assistPolicy`).
 * `excludeFlaggedSources`, off by default, keeps knowledge passages the injection classifier
 * flags out of the prompt (and out of the draft's sources) instead of sending them marked;
 * `linkDomains`, empty by default, are domains the output guard lets drafts link to besides the
 * sources' hosts and the server-wide TANDEM_LINK_DOMAINS. Stored values are read through the schema with defaults, so a setting
 * added later never breaks a workspace that saved an older policy.
 */
import { z } from 'zod';
import type { Store } from '../../storage/store.js';
import { linkDomainSchema } from '../drafting/guard/linkPolicy.js';

export const assistPolicySchema = z.object({
  /** Leave flagged knowledge passages out of drafts altogether (they are marked in the prompt otherwise). */
  excludeFlaggedSources: z.boolean(),
  /** Domains drafts may link to (subdomains included), besides each draft's sources and TANDEM_LINK_DOMAINS. */
  linkDomains: z.array(linkDomainSchema).max(50),
});
export type AssistPolicy = z.infer<typeof assistPolicySchema>;

export const DEFAULT_ASSIST_POLICY: AssistPolicy = { excludeFlaggedSources: false, linkDomains: [] };

const KEY = 'assistPolicy';
/** What is stored: any subset of the policy; unknown keys from a newer version are dropped on read. */
const storedSchema = assistPolicySchema.partial();

export interface StoredAssistPolicy extends AssistPolicy {
  /** When it was last set; null while the workspace runs on the defaults. */
  updatedAt: string | null;
}

function withDefaults(value: unknown): AssistPolicy {
  const parsed = storedSchema.safeParse(value);
  return { ...DEFAULT_ASSIST_POLICY, ...(parsed.success ? parsed.data : {}) };
}

/** The workspace's policy, with the defaults for anything it never set. */
export async function readAssistPolicy(store: Pick<Store, 'settings'>, tenantId: string): Promise<StoredAssistPolicy> {
  const stored = await store.settings.get(tenantId, KEY);
  return { ...withDefaults(stored?.value), updatedAt: stored?.updatedAt ?? null };
}

/** The policy service the assist engine exposes to `assist.policy.get/set`. */
export function assistPolicies(store: Pick<Store, 'settings'>) {
  return {
    get: (tenantId: string) => readAssistPolicy(store, tenantId),
    /** Changes the given settings and keeps the others; returns the whole policy as stored. */
    async set(tenantId: string, changes: Partial<AssistPolicy>): Promise<StoredAssistPolicy> {
      const current = await readAssistPolicy(store, tenantId);
      const next: AssistPolicy = assistPolicySchema.parse({ ...withDefaults(current), ...changes });
      const stored = await store.settings.put(tenantId, KEY, next);
      return { ...next, updatedAt: stored.updatedAt };
    },
  };
}
export type AssistPolicies = ReturnType<typeof assistPolicies>;
