import { presenceFollowInputSchema, presenceSnapshotSchema } from '@tandem/shared';

/** Nobody named: the caller's own presence; a user id: that agent's, read-only (leads and admins). */
export const followInput = presenceFollowInputSchema;
/** What each event of the subscription carries. */
export const followEvent = presenceSnapshotSchema;
