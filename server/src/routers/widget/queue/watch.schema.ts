import { widgetQueueChangeSchema } from '@tandem/shared';
import { z } from 'zod';

export const watchQueueInput = z.object({ lastEventId: z.string().max(300).optional() }).prefault({});
/** What each event of the subscription carries: which conversation changed; read it again with widget.conversations.get. */
export const watchQueueEvent = widgetQueueChangeSchema;
