/**
 * Wire contract of Tandem's demo shop API (served by the server's demo store plugin, called by its
 * connector): what the shop accepts as a postal address, so both ends validate the same thing.
 */
import { z } from 'zod';

/**
 * Where the demo shop (`/demo`, with the demo store on) serves the demo knowledge base's articles,
 * one page per file named by its slug: the demo knowledge is ingested with these URLs, so the
 * widget's and the panel's citations open a real page.
 */
export const DEMO_HELP_PATH = '/demo/help';

/** The demo help page of a demo knowledge file (`returns-and-refunds.md` → `<base>/demo/help/returns-and-refunds`). */
export function demoHelpUrl(baseUrl: string, fileName: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${DEMO_HELP_PATH}/${encodeURIComponent(fileName.replace(/\.md$/i, ''))}`;
}

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
