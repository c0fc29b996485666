import { z } from 'zod';

export const disableOutboundInput = z.object({ id: z.string().min(1).max(100) });
export const disableOutboundOutput = z.object({ disabled: z.literal(true) });
