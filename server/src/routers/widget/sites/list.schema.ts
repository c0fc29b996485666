import { widgetSiteSchema } from '@tandem/shared';
import { z } from 'zod';

/** Never the identity secrets. */
export const listSitesOutput = z.array(widgetSiteSchema);
