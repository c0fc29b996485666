/**
 * Links in the widget: only citation URLs become links, and only when they are plain http(s)
 * (no `javascript:`, `data:`, `vbscript:`, no credentials in the URL). They open in a new tab
 * that cannot reach back into the page (`noopener`) and is not told where the visitor came from
 * (`noreferrer`).
 */
export function safeHttpUrl(raw: string): string | undefined {
  const trimmed = raw.trim();
  // Written with its scheme: `http:example.com` or a bare path would resolve against the page.
  if (!/^https?:\/\//i.test(trimmed)) return undefined;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (url.username !== '' || url.password !== '') return undefined;
  return url.href;
}

/** An anchor to `raw` with `text`, or undefined when `raw` is not a safe link. */
export function externalLink(doc: Document, raw: string, text: string): HTMLAnchorElement | undefined {
  const href = safeHttpUrl(raw);
  if (href === undefined) return undefined;
  const a = doc.createElement('a');
  a.href = href;
  a.target = '_blank';
  a.rel = 'noopener noreferrer';
  a.textContent = text;
  return a;
}
