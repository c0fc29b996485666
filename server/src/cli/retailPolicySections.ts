/**
 * The tau2 retail policy is one Markdown page for agents; Tandem's evaluation ingests it as one
 * help article per section, so a ticket about cancelling an order can be judged by whether the
 * cancellation rules come first. Section ids are derived from the headings at load time
 * (`retail-policy#cancel-pending-order`, `retail-policy#modify-pending-order/modify-payment`),
 * never stored with the text, so they stay stable while the policy is read by path.
 */
export interface PolicySection {
  id: string;
  title: string;
  /** The section's own Markdown, without its heading and without its subsections. */
  body: string;
}

const HEADING = /^(#{1,3})[ \t]+(.+?)[ \t]*#*[ \t]*$/;

export function headingSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * Splits at level 1–3 headings. The page's title (level 1) keeps the text before the first level 2
 * heading; a level 3 section is named under its level 2 parent in both id and title. Sections
 * without text are left out.
 */
export function splitPolicySections(markdown: string, prefix = 'retail-policy'): PolicySection[] {
  const sections: PolicySection[] = [];
  let parent: { slug: string; title: string } | undefined;
  let current: { id: string; title: string; lines: string[] } | undefined;
  const flush = () => {
    const body = current?.lines.join('\n').trim() ?? '';
    if (current !== undefined && body !== '') sections.push({ id: current.id, title: current.title, body });
  };
  for (const line of markdown.split(/\r\n|\r|\n/)) {
    const heading = HEADING.exec(line);
    if (heading === null) {
      current?.lines.push(line);
      continue;
    }
    flush();
    const level = (heading[1] as string).length;
    const title = (heading[2] as string).trim();
    const slug = headingSlug(title);
    if (level === 3 && parent !== undefined) {
      current = { id: `${prefix}#${parent.slug}/${slug}`, title: `${parent.title}: ${title}`, lines: [] };
    } else {
      if (level === 2) parent = { slug, title };
      current = { id: `${prefix}#${slug}`, title, lines: [] };
    }
  }
  flush();
  return sections;
}
