/**
 * The assist capability: the draft pipeline with its LLM (when one is configured) and the
 * embedded drafter, intent detection (lexical from the start, fused once fitted in the
 * background), the workspace's connectors (actions and customers' live facts), and action
 * execution. Stopping it ends the drafts in flight, so their streams close before the server does.
 */
import type { ActionCatalog } from '../assist/actions/suggestActions.js';
import { startupIntents } from '../assist/analysis/startupIntents.js';
import { SUPPORT_INTENT_EXAMPLES } from '../assist/analysis/supportIntents.js';
import { createAssistEngine, type AssistEngine } from '../assist/assistEngine.js';
import { connectorSet, type ConnectorSet } from '../assist/connectorSet.js';
import { CircuitBreaker } from '../assist/drafting/circuitBreaker.js';
import type { Drafter } from '../assist/drafting/drafter.js';
import { LlmDrafter } from '../assist/drafting/llmDrafter.js';
import { liveStateSource, type LiveStateSource } from '../assist/liveState.js';
import { readAssistPolicy } from '../assist/policy/assistPolicy.js';
import type { ServerConfig } from '../config/env.js';
import type { KnowledgeEngine } from '../knowledge/knowledgeEngine.js';
import type { Logger } from '../logging/logger.js';
import type { Store } from '../storage/store.js';
import type { Capability } from './capability.js';
import type { LivePlugin } from './livePlugin.js';

/** Assist parts to use instead of the configured ones (tests): an LLM drafter (`null`: none), the action catalog, live state. */
export interface AssistOverrides {
  llm?: Drafter | null;
  actions?: ActionCatalog;
  live?: LiveStateSource;
}

export interface AssistPluginDeps {
  config: ServerConfig;
  store: Store;
  log: Logger;
  knowledge: KnowledgeEngine;
  live: Pick<LivePlugin, 'context' | 'notify' | 'recordAnalysis'>;
  overrides?: AssistOverrides | undefined;
}

export function assistPlugin({ config, store, log, knowledge, live, overrides = {} }: AssistPluginDeps): Capability & {
  engine: AssistEngine;
  connectors: ConnectorSet;
} {
  const connectors = connectorSet(config.assist.connectors);
  // Lexical at once, so the first draft after start carries an intent; the fused one takes over once fitted.
  const intents = startupIntents(SUPPORT_INTENT_EXAMPLES, knowledge.embedder, (error) =>
    log.warn({ err: error }, 'intent examples could not be embedded; intents stay lexical'),
  );
  const engine = createAssistEngine({
    store,
    knowledge,
    log,
    actions: overrides.actions ?? connectors.actions,
    llm: overrides.llm === undefined ? configuredLlm(config) : (overrides.llm ?? undefined),
    live: overrides.live ?? liveStateSource(() => connectors.liveFacts(), live.context),
    reviewThreshold: config.assist.reviewThreshold,
    recordAnalysis: live.recordAnalysis,
    notify: live.notify,
    classifyIntent: (text) => intents.classify(text),
    linkDomains: (tenantId) => linkDomainsOf(config, store, log, tenantId),
  });
  return { name: 'assist', engine, connectors, drain: () => engine.close() };
}

/**
 * Where a workspace's drafts may link besides their sources: the server's TANDEM_LINK_DOMAINS and
 * the workspace's own assist policy. A store that cannot answer leaves the server's list (the
 * guard then removes more links, never fewer).
 */
async function linkDomainsOf(config: ServerConfig, store: Store, log: Logger, tenantId: string): Promise<string[]> {
  try {
    return [...config.assist.linkDomains, ...(await readAssistPolicy(store, tenantId)).linkDomains];
  } catch (error) {
    log.warn({ err: error }, 'assist policy unavailable; links only to sources and TANDEM_LINK_DOMAINS');
    return config.assist.linkDomains;
  }
}

/** The LLM drafter when a provider is configured (a key, or a base URL for local servers that need none). */
function configuredLlm(config: ServerConfig): Drafter | undefined {
  const { baseUrl, apiKey, model } = config.llm;
  if (baseUrl === undefined && apiKey === undefined) return undefined;
  return new LlmDrafter({ baseUrl, apiKey, model, breaker: new CircuitBreaker({ failureThreshold: 3, coolDownMs: 30_000 }) });
}
