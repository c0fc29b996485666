import { presenceInboxEventSchema } from '@tandem/shared';

/** What each event of the subscription carries: who follows, or a draft to insert. */
export const inboxEvent = presenceInboxEventSchema;
