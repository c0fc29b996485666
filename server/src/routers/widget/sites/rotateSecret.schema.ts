import { createdWidgetSiteSchema } from '@tandem/shared';
import { z } from 'zod';

export const rotateSecretInput = z.object({ id: z.string().min(1).max(100) });
/** Shown once: the new identity secret. */
export const rotateSecretOutput = createdWidgetSiteSchema;
