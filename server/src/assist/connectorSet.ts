/**
 * The workspace's connectors (a shop, a helpdesk, scheduling, a signed webhook): configured from
 * the environment at start, and extended at run time by a capability that serves one (the demo
 * store adds itself once the server listens and its address is known), through the same settings
 * a real connector takes. They give the assist engine its actions and customers' live facts.
 */
import type { CustomerLiveState } from '@tandem/shared';
import type { ConnectorsConfig } from '../config/connectors.js';
import { createActionRegistry, type ActionRegistry } from './actions/actionRegistry.js';
import type { ActionCatalog } from './actions/suggestActions.js';
import { DemoStoreClient } from './connectors/demoStore.js';

/** A connector that can tell what a customer has going on (orders, payment, cart). */
export interface LiveFactsConnector {
  liveStateForEmail(email: string, signal?: AbortSignal): Promise<CustomerLiveState | undefined>;
}

export function connectorSet(initial: ConnectorsConfig) {
  let config = initial;
  let registry: ActionRegistry = createActionRegistry(config);
  let liveFacts: LiveFactsConnector[] = liveFactsOf(config);
  return {
    actions: { list: () => registry.list(), get: (name: string) => registry.get(name) } satisfies ActionCatalog,
    /** The connectors that read customers' live facts, in the order they are asked. */
    liveFacts: (): readonly LiveFactsConnector[] => liveFacts,
    /** Adds (or reconfigures) connectors; throws ConnectorError naming a bad setting and keeps the old set then. */
    add(more: ConnectorsConfig): void {
      const next = { ...config, ...more };
      registry = createActionRegistry(next);
      liveFacts = liveFactsOf(next);
      config = next;
    },
  };
}

export type ConnectorSet = ReturnType<typeof connectorSet>;

function liveFactsOf(config: ConnectorsConfig): LiveFactsConnector[] {
  return config.demoStore === undefined ? [] : [new DemoStoreClient(config.demoStore)];
}
