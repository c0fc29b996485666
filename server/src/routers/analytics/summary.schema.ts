import { analyticsSummaryInputSchema, analyticsSummarySchema } from '@tandem/shared';

/** A period, optional channel/agent filters and metric settings (reopen window, agent cost, minutes per ticket). */
export const summaryInput = analyticsSummaryInputSchema;
/** Every metric with the counts behind it, and handoffs by cause. */
export const summaryOutput = analyticsSummarySchema;
