/**
 * Tandem's shared contracts. Pure TypeScript: no Node- or browser-only API, no app imports
 * (lint enforces both), so the server, extension and console can all depend on it.
 */
export * from './actions.js';
export * from './analytics.js';
export * from './analyticsAlerts.js';
export * from './auth.js';
export * from './demoStore.js';
export * from './draft.js';
export * from './errors.js';
export * from './knowledge.js';
export * from './knowledgeChanges.js';
export * from './knowledgeSync.js';
export * from './live.js';
export * from './metrics.js';
export * from './presence.js';
export * from './ticket.js';
export * from './widget.js';
export * from './seededRandom.js';
