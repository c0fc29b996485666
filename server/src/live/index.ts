/**
 * Live customer context's public entry point: what other domain units (assist) may use of it.
 * Everything else under live/ is its own business.
 */
export type { LiveContext } from './liveContext.js';
