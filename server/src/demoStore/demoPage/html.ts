/**
 * HTML for the demo shop's own pages: every value goes through `escapeHtml` before it reaches
 * markup, and each page is the same shell (no inline script, one small stylesheet), so the
 * Content-Security-Policy the pages are sent with holds for all of them.
 */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** Scripts only from this server (the widget), styles from this page; nothing is framed or posted elsewhere. */
export const DEMO_PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const STYLE = `
:root { color-scheme: light; font-family: system-ui, sans-serif; color: #1f2933; background: #f7f5f0; }
body { margin: 0; }
header { background: #1f3a2e; color: #fff; padding: 16px 24px; display: flex; gap: 24px; align-items: baseline; flex-wrap: wrap; }
header a { color: #fff; }
header .brand { font-size: 1.4rem; font-weight: 700; text-decoration: none; }
main { max-width: 980px; margin: 0 auto; padding: 24px; }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 16px; padding: 0; list-style: none; }
.card { background: #fff; border-radius: 8px; padding: 16px; box-shadow: 0 1px 3px rgb(0 0 0 / 12%); }
.card .category { text-transform: uppercase; font-size: 0.75rem; color: #52606d; letter-spacing: 0.05em; }
.card .price { font-weight: 700; }
.notice { background: #fff; border-left: 4px solid #1f3a2e; padding: 12px 16px; }
footer { max-width: 980px; margin: 0 auto; padding: 24px; color: #52606d; font-size: 0.9rem; }
article { background: #fff; border-radius: 8px; padding: 8px 24px 24px; }
`;

export interface PageShell {
  title: string;
  /** Already-escaped markup for the page's main element. */
  main: string;
  /** Already-escaped markup placed at the end of the body (the widget's script tag). */
  end?: string;
}

export function pageShell({ title, main, end = '' }: PageShell): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><a class="brand" href="/demo">Northwind Outfitters</a><nav aria-label="Shop"><a href="/demo#catalogue">Shop</a> · <a href="/demo/help">Help centre</a></nav></header>
<main>
${main}
</main>
<footer>A demo shop served by Tandem: invented products, invented customers. Ask the help widget in the corner.</footer>
${end}
</body>
</html>
`;
}
