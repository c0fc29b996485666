import { widgetOriginSchema, widgetSiteSchema, widgetSiteSettingsSchema, widgetThemeSchema, WIDGET_LIMITS } from '@tandem/shared';
import { z } from 'zod';

/** What to change; anything left out stays as it is. */
export const updateSiteInput = z.object({
  id: z.string().min(1).max(100),
  name: widgetSiteSettingsSchema.shape.name.optional(),
  allowedOrigins: z.array(widgetOriginSchema).min(1).max(WIDGET_LIMITS.allowedOrigins).optional(),
  theme: widgetThemeSchema.optional(),
  confidenceThreshold: z.number().min(0).max(1).optional(),
  suggestedQuestions: z
    .array(z.string().trim().min(1).max(WIDGET_LIMITS.suggestedQuestionChars))
    .max(WIDGET_LIMITS.suggestedQuestions)
    .optional(),
  /** A disabled site's key is refused everywhere until it is enabled again. */
  disabled: z.boolean().optional(),
});
export const updateSiteOutput = widgetSiteSchema;
