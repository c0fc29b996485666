/**
 * The actions a workspace can run, built from its connector configuration: each configured
 * connector contributes its actions, an unconfigured one contributes none (so the model is never
 * offered a tool that cannot work). Also turns an action's zod schema into the JSON Schema that
 * LLM tool calling takes.
 */
import { z } from 'zod';
import { connectorsConfigSchema, type ConnectorsConfig } from '../../config/connectors.js';
import { ConnectorError, type ActionDefinition } from './actionDefinition.js';
import { CalendlyClient } from '../connectors/calendly.js';
import { DemoStoreClient } from '../connectors/demoStore.js';
import { ShopifyAdminClient } from '../connectors/shopifyAdmin.js';
import { SignedHttpClient } from '../connectors/signedHttp.js';
import { ZendeskClient } from '../connectors/zendesk.js';
import { calendlyActions } from './definitions/calendly.js';
import { demoStoreActions } from './definitions/demoStore.js';
import { shopifyActions } from './definitions/shopify.js';
import { signedHttpActions } from './definitions/signedHttp.js';
import { zendeskActions } from './definitions/zendesk.js';

export interface ActionRegistry {
  list(): ActionDefinition[];
  get(name: string): ActionDefinition | undefined;
}

/** Throws ConnectorError('NOT_CONFIGURED') naming the first bad setting. */
export function createActionRegistry(config: ConnectorsConfig): ActionRegistry {
  const parsed = connectorsConfigSchema.safeParse(config);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConnectorError(
      'NOT_CONFIGURED',
      `Connector setting ${issue?.path.join('.') ?? ''} is invalid: ${issue?.message ?? 'unknown'}`,
    );
  }
  const c = parsed.data;
  const actions: ActionDefinition[] = [];
  if (c.demoStore !== undefined) actions.push(...demoStoreActions(new DemoStoreClient(c.demoStore)));
  if (c.shopify !== undefined) {
    actions.push(...shopifyActions(new ShopifyAdminClient(c.shopify), { agentRefundLimit: c.shopify.agentRefundLimit }));
  }
  if (c.zendesk !== undefined) actions.push(...zendeskActions(new ZendeskClient(c.zendesk)));
  if (c.calendly !== undefined) {
    actions.push(
      ...calendlyActions(
        new CalendlyClient({
          token: c.calendly.token,
          eventTypeUri: c.calendly.owner,
          baseUrl: c.calendly.baseUrl,
          timeoutMs: c.calendly.timeoutMs,
        }),
      ),
    );
  }
  if (c.signedHttp !== undefined) {
    const { title, description, defaultEvent, ...client } = c.signedHttp;
    actions.push(...signedHttpActions(new SignedHttpClient(client), { title, description, defaultEvent }));
  }
  const byName = new Map<string, ActionDefinition>();
  for (const action of actions) {
    if (byName.has(action.name)) throw new ConnectorError('NOT_CONFIGURED', `Two actions are named ${action.name}`);
    byName.set(action.name, action);
  }
  return {
    list: () => [...byName.values()],
    get: (name) => byName.get(name),
  };
}

/**
 * The JSON Schema of what a caller (the model) sends: input types, so defaulted fields are
 * optional, and without `$schema`, which some tool-calling APIs refuse.
 */
export function toJsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _dialect, ...jsonSchema } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return jsonSchema;
}
