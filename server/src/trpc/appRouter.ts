/**
 * The whole tRPC API. Clients import only the `AppRouter` type from here (lint enforces it).
 */
import { actionsRouter } from '../routers/actions/router.js';
import { alertsRouter } from '../routers/alerts/router.js';
import { analyticsRouter } from '../routers/analytics/router.js';
import { assistRouter } from '../routers/assist/router.js';
import { conversationsRouter } from '../routers/conversations/router.js';
import { exportsRouter } from '../routers/exports/router.js';
import { healthRouter } from '../routers/health/router.js';
import { liveRouter } from '../routers/live/router.js';
import { knowledgeRouter } from '../routers/knowledge/router.js';
import { presenceRouter } from '../routers/presence/router.js';
import { reviewRouter } from '../routers/review/router.js';
import { sessionRouter } from '../routers/session/router.js';
import { teamRouter } from '../routers/team/router.js';
import { unansweredRouter } from '../routers/unanswered/router.js';
import { widgetRouter } from '../routers/widget/router.js';
import { router } from './init.js';

export const appRouter = router({
  actions: actionsRouter,
  alerts: alertsRouter,
  analytics: analyticsRouter,
  assist: assistRouter,
  conversations: conversationsRouter,
  exports: exportsRouter,
  health: healthRouter,
  knowledge: knowledgeRouter,
  live: liveRouter,
  presence: presenceRouter,
  review: reviewRouter,
  session: sessionRouter,
  team: teamRouter,
  unanswered: unansweredRouter,
  widget: widgetRouter,
});

export type AppRouter = typeof appRouter;
