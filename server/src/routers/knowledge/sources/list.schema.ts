import { sourceSchema } from '@tandem/shared';
import { z } from 'zod';

export const listSourcesOutput = z.array(sourceSchema);
