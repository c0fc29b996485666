import { healthStatusSchema } from '@tandem/shared';

export const healthStatusOutput = healthStatusSchema;
