import { sessionInfoSchema } from '@tandem/shared';

export const sessionGetOutput = sessionInfoSchema;
