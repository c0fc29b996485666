/**
 * Tandem's demo shop as one optional capability: its REST API at `/demo-store/api` and, once the
 * server listens, the same two ties a real shop has: it is added to the workspace's connectors
 * (actions and live facts call its API over HTTP) and it sends its changes as signed webhooks to
 * the workspace's webhook endpoint. Nothing else in the server imports it; it knows the rest only
 * through the narrow interfaces below.
 */
import { randomUUID } from 'node:crypto';
import type { ConnectorsConfig } from '../config/connectors.js';
import type { Logger } from '../logging/logger.js';
import { DEFAULT_DEMO_STORE_PREFIX, registerDemoStore } from './demoStoreApi.js';
import type { DemoStore } from './demoStoreState.js';
import { DEMO_STORE_SOURCE_NAME, startDemoStoreWebhooks, type DemoStoreWebhooks } from './demoStoreWebhooks.js';

export interface DemoStorePluginDeps {
  /** The workspace whose connectors and webhooks the demo shop joins. */
  tenantId: string;
  log: Logger;
  /** Where the shop is plugged in, with the settings a real connector would take from the environment. */
  connectors: { add(config: ConnectorsConfig): void };
  /** The workspace's webhook sources: the shop signs what it sends with its source's secret. */
  webhookSources: {
    ensure(tenantId: string, name: string): Promise<{ id: string; secret: string }>;
    pathOf(tenantId: string, sourceId: string): string;
  };
}

export function demoStorePlugin({ tenantId, log, connectors, webhookSources }: DemoStorePluginDeps) {
  // Only this process knows the key: the demo store's data changes only through Tandem's confirmed actions.
  const apiKey = randomUUID();
  let shop: DemoStore | undefined;
  let webhooks: DemoStoreWebhooks | undefined;
  return {
    name: 'demo store',
    routes: async (scope: Parameters<typeof registerDemoStore>[0]) => {
      shop = await registerDemoStore(scope, { prefix: DEFAULT_DEMO_STORE_PREFIX, apiKey });
    },
    async start({ localBaseUrl }: { localBaseUrl: string }) {
      connectors.add({ demoStore: { baseUrl: `${localBaseUrl}${DEFAULT_DEMO_STORE_PREFIX}`, apiKey } });
      if (shop === undefined) return;
      // Its changes travel as real signed webhooks, so `npm start` shows live context moving.
      const source = await webhookSources.ensure(tenantId, DEMO_STORE_SOURCE_NAME);
      webhooks = startDemoStoreWebhooks({
        demoStore: shop,
        url: `${localBaseUrl}${webhookSources.pathOf(tenantId, source.id)}`,
        secret: source.secret,
        log,
      });
    },
    drain: () => webhooks?.stop(),
  };
}
