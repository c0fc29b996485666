/**
 * The action connectors configured from the environment: each connector's variables form a group
 * that is either unset or complete, and a complete group is checked with the connector's own
 * schema (config/connectors.ts), so a bad shop domain or a short signing secret stops the server
 * at start, named by its variable, instead of failing the first action.
 */
import { connectorsConfigSchema, type ConnectorsConfig } from './connectors.js';

/** The demo store is configured by the server itself (it serves it), never from the environment. */
export type EnvConnectors = Omit<ConnectorsConfig, 'demoStore'>;

export interface ConfigProblem {
  variable: string;
  message: string;
}

type ConnectorEnvGroups = {
  [K in keyof EnvConnectors]-?: {
    label: string;
    /** Connector setting → the variable that gives it; once one is set, all are required. */
    variables: Partial<Record<keyof NonNullable<EnvConnectors[K]>, string>>;
  };
};

export const CONNECTOR_ENV_GROUPS = {
  shopify: { label: 'Shopify', variables: { shopDomain: 'TANDEM_SHOPIFY_SHOP', accessToken: 'TANDEM_SHOPIFY_TOKEN' } },
  zendesk: {
    label: 'Zendesk',
    variables: { subdomain: 'TANDEM_ZENDESK_SUBDOMAIN', email: 'TANDEM_ZENDESK_EMAIL', apiToken: 'TANDEM_ZENDESK_TOKEN' },
  },
  calendly: { label: 'Calendly', variables: { token: 'TANDEM_CALENDLY_TOKEN', owner: 'TANDEM_CALENDLY_OWNER' } },
  signedHttp: {
    label: 'The signed webhook action',
    variables: { url: 'TANDEM_ACTION_WEBHOOK_URL', secret: 'TANDEM_ACTION_WEBHOOK_SECRET' },
  },
} as const satisfies ConnectorEnvGroups;

/** Reads every group; `read` gives a variable's value, undefined when unset or blank. */
export function connectorsFromEnv(read: (variable: string) => string | undefined): {
  connectors: EnvConnectors;
  problems: ConfigProblem[];
} {
  const problems: ConfigProblem[] = [];
  const complete: Record<string, Record<string, string>> = {};
  for (const [connector, group] of Object.entries(CONNECTOR_ENV_GROUPS)) {
    const settings = Object.entries(group.variables).map(([setting, variable]) => ({ setting, variable, value: read(variable) }));
    const given = settings.filter((s) => s.value !== undefined).map((s) => s.variable);
    if (given.length === 0) continue;
    const missing = settings.filter((s) => s.value === undefined).map((s) => s.variable);
    if (missing.length > 0) {
      const all = settings.map((s) => s.variable);
      const reason = `required when ${given.join(' and ')} ${given.length === 1 ? 'is' : 'are'} set (${group.label} needs ${all.join(', ')})`;
      problems.push(...missing.map((variable) => ({ variable, message: reason })));
      continue;
    }
    complete[connector] = Object.fromEntries(settings.map((s) => [s.setting, s.value ?? '']));
  }
  const parsed = connectorsConfigSchema.safeParse(complete);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push({ variable: variableOf(issue.path), message: issue.message });
    return { connectors: {}, problems };
  }
  const { demoStore: _unused, ...connectors } = parsed.data;
  return { connectors, problems };
}

/** The variable behind a connector issue's path; an issue about the group as a whole names its first variable. */
function variableOf(path: readonly PropertyKey[]): string {
  const [connector, setting] = path;
  const group = Object.entries(CONNECTOR_ENV_GROUPS).find(([name]) => name === connector)?.[1];
  if (group === undefined) return String(connector);
  const variables: Record<string, string> = group.variables;
  return (typeof setting === 'string' ? variables[setting] : undefined) ?? Object.values(variables)[0] ?? String(connector);
}
