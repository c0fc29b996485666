/** A new identity secret for the site (shown only here); identities signed with the old one stop verifying. */
import type { z } from 'zod';
import type { HandlerOptions } from '../../../trpc/procedures.js';
import type { rotateSecretInput } from './rotateSecret.schema.js';

export const rotateSecretHandler = ({ ctx, input }: HandlerOptions<z.output<typeof rotateSecretInput>>) =>
  ctx.widget.sites.rotateSecret(ctx.tenantId, input.id);
