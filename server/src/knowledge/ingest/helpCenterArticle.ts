/**
 * A help-center article as Tandem's articles API and the JSON file layout accept it. `body`
 * may be HTML (Zendesk Guide, Intercom) or Markdown; `content` is accepted as an alias of `body`
 * for exports that use that name.
 */
import { z } from 'zod';

export const helpCenterArticleSchema = z
  .object({
    id: z.union([z.string().min(1).max(1024), z.number().int()]).transform(String),
    title: z.string().trim().min(1).max(500),
    body: z.string().max(5_000_000).optional(),
    content: z.string().max(5_000_000).optional(),
    url: z
      .url({ protocol: /^https?$/ })
      .max(2048)
      .optional(),
    updated_at: z.iso.datetime({ offset: true }).optional(),
    language: z.string().max(35).optional(),
    tags: z.array(z.string().max(100)).max(50).optional(),
  })
  .refine((a) => a.body !== undefined || a.content !== undefined, 'an article needs a body')
  .transform(({ content, body, ...rest }) => ({ ...rest, body: (body ?? content) as string }));

export type HelpCenterArticle = z.output<typeof helpCenterArticleSchema>;
export type HelpCenterArticleInput = z.input<typeof helpCenterArticleSchema>;

/** HTML when the body has tags a browser would render; Markdown otherwise. */
export function articleFormat(body: string): 'html' | 'markdown' {
  return /<\/?(p|div|h[1-6]|ul|ol|li|table|br|span|a)\b[^>]*>/i.test(body) ? 'html' : 'markdown';
}
