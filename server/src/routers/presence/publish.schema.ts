import { presencePublishInputSchema, presencePublishOutputSchema } from '@tandem/shared';

/** The agent's open ticket and draft state; strict, so page HTML or any undeclared field is refused. */
export const publishInput = presencePublishInputSchema;
export const publishOutput = presencePublishOutputSchema;
