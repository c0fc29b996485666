/**
 * The Store: Tandem's repositories over one storage driver. Opening it migrates the schema.
 */
import path from 'node:path';
import type { ServerConfig } from '../config/env.js';
import { actionsRepo } from './actionsRepo.js';
import { alertRulesRepo } from './alertRulesRepo.js';
import { analyticsEventsRepo } from './analytics/analyticsEventsRepo.js';
import type { Database } from './database.js';
import { draftScoresRepo } from './draftScoresRepo.js';
import { feedbackRepo } from './feedbackRepo.js';
import { ingestJobsRepo } from './ingestJobsRepo.js';
import { knowledgeChangeFeedRepo } from './knowledge/changeFeedRepo.js';
import { knowledgeDocumentsRepo } from './knowledge/documentsRepo.js';
import { knowledgeMetaRepo } from './knowledge/metaRepo.js';
import { knowledgeSourcesRepo } from './knowledge/sourcesRepo.js';
import { knowledgeVectorsRepo } from './knowledge/vectorsRepo.js';
import type { KnowledgeRepo } from './knowledgeRepo.js';
import { liveEventsRepo } from './liveEventsRepo.js';
import { liveNotificationsRepo } from './liveNotificationsRepo.js';
import { migrate } from './migrations.js';
import { outboundRepo } from './outboundRepo.js';
import { openPgliteDatabase } from './pglite/pgliteDatabase.js';
import { tenantsRepo } from './tenantsRepo.js';
import { tokensRepo } from './tokensRepo.js';
import { widgetConversationsRepo } from './widget/widgetConversationsRepo.js';
import { widgetRatingsRepo } from './widget/widgetRatingsRepo.js';
import { widgetSitesRepo } from './widget/widgetSitesRepo.js';
import { workspaceSettingsRepo } from './workspaceSettingsRepo.js';

export interface Store {
  readonly db: Database;
  readonly tenants: ReturnType<typeof tenantsRepo>;
  readonly tokens: ReturnType<typeof tokensRepo>;
  readonly knowledge: KnowledgeRepo;
  readonly ingestJobs: ReturnType<typeof ingestJobsRepo>;
  readonly actions: ReturnType<typeof actionsRepo>;
  readonly live: ReturnType<typeof liveEventsRepo>;
  readonly notifications: ReturnType<typeof liveNotificationsRepo>;
  readonly outbound: ReturnType<typeof outboundRepo>;
  readonly feedback: ReturnType<typeof feedbackRepo>;
  readonly draftScores: ReturnType<typeof draftScoresRepo>;
  readonly settings: ReturnType<typeof workspaceSettingsRepo>;
  readonly analytics: ReturnType<typeof analyticsEventsRepo>;
  readonly alertRules: ReturnType<typeof alertRulesRepo>;
  readonly widget: {
    readonly sites: ReturnType<typeof widgetSitesRepo>;
    readonly conversations: ReturnType<typeof widgetConversationsRepo>;
    readonly ratings: ReturnType<typeof widgetRatingsRepo>;
  };
  close(): Promise<void>;
}

export async function storeOn(db: Database): Promise<Store> {
  await migrate(db);
  return {
    db,
    tenants: tenantsRepo(db),
    tokens: tokensRepo(db),
    knowledge: {
      ...knowledgeSourcesRepo(db),
      ...knowledgeDocumentsRepo(db),
      ...knowledgeChangeFeedRepo(db),
      ...knowledgeVectorsRepo(db),
      ...knowledgeMetaRepo(db),
    },
    ingestJobs: ingestJobsRepo(db),
    actions: actionsRepo(db),
    live: liveEventsRepo(db),
    notifications: liveNotificationsRepo(db),
    outbound: outboundRepo(db),
    feedback: feedbackRepo(db),
    draftScores: draftScoresRepo(db),
    settings: workspaceSettingsRepo(db),
    analytics: analyticsEventsRepo(db),
    alertRules: alertRulesRepo(db),
    widget: { sites: widgetSitesRepo(db), conversations: widgetConversationsRepo(db), ratings: widgetRatingsRepo(db) },
    close: () => db.close(),
  };
}

export async function openStore(config: Pick<ServerConfig, 'storage' | 'dataDir'>): Promise<Store> {
  if (config.storage.driver === 'postgres') {
    throw new Error('The PostgreSQL driver arrives with the scale-out work; use TANDEM_STORAGE=pglite for now.');
  }
  return storeOn(await openPgliteDatabase(path.join(config.dataDir, 'pglite')));
}
