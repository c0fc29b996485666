/**
 * Who is calling: workspaces (tenants), roles and API tokens as they cross the API boundary.
 * Token secrets never appear here except at the moment of creation.
 */
import { z } from 'zod';

export const roleSchema = z.enum(['admin', 'lead', 'agent']);
export type Role = z.infer<typeof roleSchema>;

export const tenantIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'lowercase letters, digits and dashes');
export type TenantId = z.infer<typeof tenantIdSchema>;

export const workspaceSchema = z.object({
  id: tenantIdSchema,
  name: z.string().min(1).max(120),
  createdAt: z.iso.datetime(),
});
export type Workspace = z.infer<typeof workspaceSchema>;

export const principalSchema = z.object({
  tokenId: z.string(),
  tenantId: tenantIdSchema,
  name: z.string(),
  role: roleSchema,
});
export type Principal = z.infer<typeof principalSchema>;

/** A team member's API token as listed: never the secret. */
export const apiTokenSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  role: roleSchema,
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
});
export type ApiTokenSummary = z.infer<typeof apiTokenSummarySchema>;

export const createTokenInputSchema = z.object({
  name: z.string().trim().min(1).max(120),
  role: roleSchema,
});
export type CreateTokenInput = z.infer<typeof createTokenInputSchema>;

/** Returned once, when a token is created: the only time its secret is visible. */
export const createdTokenSchema = apiTokenSummarySchema.extend({ token: z.string() });
export type CreatedToken = z.infer<typeof createdTokenSchema>;

export const revokeTokenInputSchema = z.object({ id: z.string().min(1).max(64) });
export type RevokeTokenInput = z.infer<typeof revokeTokenInputSchema>;

/** What the side panel and console show once signed in. */
export const sessionInfoSchema = z.object({
  workspace: workspaceSchema,
  principal: principalSchema,
  serverVersion: z.string(),
  /** What this server accepts, so clients (the CLI, the console) refuse too-large uploads before sending them. */
  limits: z.object({ maxUploadBytes: z.number().int().positive() }),
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;
