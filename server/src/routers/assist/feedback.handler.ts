/** The agent's rating of a draft and/or what became of it; repeated reports for one draft merge. */
import type { DraftFeedback } from '@tandem/shared';
import type { HandlerOptions } from '../../trpc/procedures.js';

export const feedbackHandler = ({ ctx, input }: HandlerOptions<DraftFeedback>) => ctx.assist.feedback(ctx.principal, input);
