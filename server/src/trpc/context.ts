/**
 * Per-request tRPC context: the request id, a child logger carrying it, the principal behind the
 * bearer token (or none), and the services handlers call. Handlers never see the store: what
 * they may do is what the services offer. The type is inferred, never written by hand.
 */
import type { CreateFastifyContextOptions } from '@trpc/server/adapters/fastify';
import type { AlertRulesService } from '../analytics/alerts/index.js';
import type { AnalyticsExports } from '../analytics/exports/conversationRecords.js';
import type { AnalyticsService } from '../analytics/index.js';
import type { UnansweredQuestions } from '../analytics/unanswered/unansweredQuestions.js';
import type { AssistEngine } from '../assist/assistEngine.js';
import type { TeamService } from '../auth/teamService.js';
import type { HealthCheck } from '../http/healthCheck.js';
import type { KnowledgeEngine } from '../knowledge/knowledgeEngine.js';
import type { LiveStreams } from '../live/liveStreams.js';
import type { OutboundEndpoints } from '../live/outbound/outboundEndpoints.js';
import type { PresenceHub } from '../live/presence/presenceHub.js';
import type { ReviewDecisions } from '../routers/review/reviewDecisions.js';
import type { WebhookSources } from '../live/webhookSources.js';
import { bearerToken } from '../security/apiTokens.js';
import type { WidgetService } from '../widget/widgetService.js';

export interface ApiServices {
  knowledge: KnowledgeEngine;
  assist: AssistEngine;
  live: LiveStreams;
  webhookSources: WebhookSources;
  outboundEndpoints: OutboundEndpoints;
  team: TeamService;
  health: HealthCheck;
  widget: WidgetService;
  presence: PresenceHub;
  /** The console review queue's rejected items. */
  reviewDecisions: ReviewDecisions;
  /** Metrics, series and live aggregates over the analytics event stream. */
  analytics: AnalyticsService;
  /** Analytics alert rules and acknowledgement of their breaches. */
  alerts: AlertRulesService;
  /** Exports the analytics service does not offer (conversation-level records). */
  exports: AnalyticsExports;
  /** Questions the knowledge base could not answer, clustered (the console gap finder). */
  unanswered: UnansweredQuestions;
}

export function contextFactory(services: ApiServices) {
  return async ({ req }: CreateFastifyContextOptions) => {
    const token = bearerToken(req.headers.authorization);
    const principal = token === undefined ? undefined : await services.team.principalForToken(token);
    return {
      ...services,
      requestId: String(req.id),
      log: req.log,
      principal,
    };
  };
}

export type Context = Awaited<ReturnType<ReturnType<typeof contextFactory>>>;
