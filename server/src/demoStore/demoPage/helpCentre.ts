/**
 * The demo shop's help centre at `/demo/help/<slug>`: the demo knowledge base's articles
 * (server/demo/knowledge, written for Tandem) as pages, so a citation of one of them has a page
 * to open. The Markdown is read once and rendered small and safe: headings, lists and paragraphs,
 * every piece of text escaped; anything fancier shows as the text it is.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { DEMO_HELP_PATH } from '@tandem/shared';
import { escapeHtml, pageShell } from './html.js';

export { DEMO_HELP_PATH };
export const DEMO_HELP_DIR = path.resolve(import.meta.dirname, '../../../demo/knowledge');

export interface HelpArticle {
  slug: string;
  title: string;
  markdown: string;
}

/** The articles of `dir`, by file name without `.md` (lower-case letters, digits and dashes only). */
export async function readHelpArticles(dir: string = DEMO_HELP_DIR): Promise<Map<string, HelpArticle>> {
  const names = (await readdir(dir).catch(() => [])).filter((n) => /^[a-z0-9-]+\.md$/.test(n)).sort();
  const articles = new Map<string, HelpArticle>();
  for (const name of names) {
    const markdown = await readFile(path.join(dir, name), 'utf8');
    const slug = name.slice(0, -'.md'.length);
    const title = /^#\s+(.+)$/m.exec(markdown)?.[1]?.trim() ?? slug;
    articles.set(slug, { slug, title, markdown });
  }
  return articles;
}

const inline = (text: string): string => escapeHtml(text.replace(/\*\*(.+?)\*\*/g, '$1'));

/** Headings, bulleted and numbered lists, paragraphs; text only. */
export function markdownToHtml(markdown: string): string {
  const out: string[] = [];
  let list: { tag: 'ul' | 'ol'; items: string[] } | undefined;
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) out.push(`<p>${inline(paragraph.join(' '))}</p>`);
    paragraph = [];
    if (list !== undefined) out.push(`<${list.tag}>${list.items.map((i) => `<li>${inline(i)}</li>`).join('')}</${list.tag}>`);
    list = undefined;
  };
  for (const raw of markdown.split('\n')) {
    const line = raw.trim();
    const heading = /^(#{1,3})\s+(.+)$/.exec(line);
    const bullet = /^[-*]\s+(.+)$/.exec(line);
    const numbered = /^\d+\.\s+(.+)$/.exec(line);
    if (line === '') flush();
    else if (heading?.[1] !== undefined && heading[2] !== undefined) {
      flush();
      const level = heading[1].length;
      out.push(`<h${level}>${inline(heading[2])}</h${level}>`);
    } else if (bullet?.[1] !== undefined || numbered?.[1] !== undefined) {
      const tag = bullet === null ? 'ol' : 'ul';
      if (paragraph.length > 0 || list?.tag !== tag) flush();
      list ??= { tag, items: [] };
      list.items.push(bullet?.[1] ?? numbered?.[1] ?? '');
    } else {
      if (list !== undefined) flush();
      paragraph.push(line);
    }
  }
  flush();
  return out.join('\n');
}

export function helpArticlePage(article: HelpArticle, widgetScript: string): string {
  return pageShell({
    title: `${article.title} · Northwind help`,
    main: `<article>${markdownToHtml(article.markdown)}</article>`,
    end: widgetScript,
  });
}

export function helpIndexPage(articles: Iterable<HelpArticle>, widgetScript: string): string {
  const items = [...articles].map((a) => `<li><a href="${DEMO_HELP_PATH}/${escapeHtml(a.slug)}">${escapeHtml(a.title)}</a></li>`).join('');
  return pageShell({ title: 'Help centre · Northwind Outfitters', main: `<h1>Help centre</h1><ul>${items}</ul>`, end: widgetScript });
}
