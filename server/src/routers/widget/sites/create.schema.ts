import { createdWidgetSiteSchema, widgetSiteSettingsSchema } from '@tandem/shared';

export const createSiteInput = widgetSiteSettingsSchema;
/** Shown once: the identity secret the site's backend signs user ids with. */
export const createSiteOutput = createdWidgetSiteSchema;
