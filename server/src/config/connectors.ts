/**
 * Settings of the action connectors (a shop, a helpdesk, scheduling, a signed webhook). Every
 * connector is optional; a present one must be complete. Checked at start by loadConfig (see
 * connectorEnv.ts, whose messages name the variable, so the messages here say what is expected and
 * never echo the value) and again by the action registry, which builds only the connectors given.
 */
import { z } from 'zod';

const timeoutMs = z.number().int().min(100).max(120_000).optional();

/** Every connector is optional; a present one must be complete. */
export const connectorsConfigSchema = z.object({
  demoStore: z
    .object({
      /** Where the demo shop API is mounted, e.g. `http://127.0.0.1:8787/demo-store/api`. */
      baseUrl: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }),
      apiKey: z.string().min(1).optional(),
      timeoutMs,
    })
    .optional(),
  shopify: z
    .object({
      shopDomain: z.string().regex(/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/i, 'expected a shop domain like acme.myshopify.com'),
      accessToken: z.string().min(1),
      apiVersion: z
        .string()
        .regex(/^\d{4}-\d{2}$/)
        .optional(),
      /** Origin override (a proxy, or a local fake in tests). */
      baseUrl: z.url({ protocol: /^https?$/ }).optional(),
      /** Largest refund an agent may make alone; above it only leads and admins (default 100). */
      agentRefundLimit: z.number().positive().optional(),
      timeoutMs,
    })
    .optional(),
  zendesk: z
    .object({
      subdomain: z
        .string()
        .regex(/^[a-z0-9][a-z0-9-]*$/i, 'expected a subdomain like acme (for acme.zendesk.com)')
        .optional(),
      baseUrl: z.url({ protocol: /^https?$/ }).optional(),
      email: z.email({ error: 'expected an email address' }),
      apiToken: z.string().min(1),
      timeoutMs,
    })
    .refine((c) => c.subdomain !== undefined || c.baseUrl !== undefined, 'Zendesk needs a subdomain or a base URL')
    .optional(),
  calendly: z
    .object({
      token: z.string().min(1),
      /** The event type URI that owns the links: `https://api.calendly.com/event_types/<uuid>`. */
      owner: z.url({ error: 'expected the event type URI (https://api.calendly.com/event_types/<uuid>)' }),
      baseUrl: z.url({ protocol: /^https?$/ }).optional(),
      timeoutMs,
    })
    .optional(),
  signedHttp: z
    .object({
      url: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }),
      secret: z.string().min(16, 'must be at least 16 characters'),
      title: z.string().min(1).max(120).optional(),
      description: z.string().min(1).max(500).optional(),
      defaultEvent: z.string().optional(),
      timeoutMs,
    })
    .optional(),
});

export type ConnectorsConfig = z.input<typeof connectorsConfigSchema>;
