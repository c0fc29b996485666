/** Web pages as a knowledge source: the given pages (or a sitemap's), crawled on the same site to a depth. */
import type { z } from 'zod';
import type { HandlerOptions } from '../../trpc/procedures.js';
import type { ingestUrlsInput } from './ingestUrls.schema.js';

export const ingestUrlsHandler = ({ ctx, input }: HandlerOptions<z.output<typeof ingestUrlsInput>>) =>
  ctx.knowledge.ingestUrls(ctx.tenantId, input);
