/** Server health for the console: version, uptime, storage, and a live check of each component. */
import type { HandlerOptions } from '../../trpc/procedures.js';

export const healthStatusHandler = ({ ctx }: HandlerOptions) => ctx.health.status();
