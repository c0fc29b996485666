import { reviewThresholdSchema } from '../../assist/confidence/workspaceThreshold.js';

/** The workspace's review threshold, whether its own feedback chose it, and how far it is from enough rated drafts. */
export const reviewThresholdOutput = reviewThresholdSchema;
