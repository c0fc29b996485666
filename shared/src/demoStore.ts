/**
 * Wire contract of Tandem's demo shop API (served by the server's demo store plugin, called by its
 * connector): what the shop accepts as a postal address, so both ends validate the same thing.
 */
import { z } from 'zod';

/** A postal address as the demo store takes it (its API and the actions that call it). */
export const demoAddressSchema = z
  .object({
    address1: z.string().trim().min(1).max(200),
    address2: z.string().trim().max(200).default(''),
    city: z.string().trim().min(1).max(100),
    state: z.string().trim().min(2).max(50),
    zip: z
      .string()
      .trim()
      .regex(/^\d{5}(-\d{4})?$/, 'a 5-digit zip code'),
    country: z.string().trim().min(2).max(60).default('USA'),
  })
  .strict();
