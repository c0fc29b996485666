/**
 * Where a widget request comes from, as the browser says: its `Origin` header, or, when a browser
 * sends none (a same-origin GET), the origin of its `Referer`. Anything else — no header, the
 * opaque origin `null` of sandboxed frames and files, a malformed value — is no origin, and a
 * request without one is refused. This binds a site key to its pages in browsers; a script
 * outside a browser can claim any origin, which is why the key grants only what a visitor may do.
 */
export function requestOrigin(headers: {
  origin?: string | string[] | undefined;
  referer?: string | string[] | undefined;
}): string | undefined {
  const origin = typeof headers.origin === 'string' ? headers.origin.trim() : undefined;
  if (origin !== undefined && origin !== '') return origin === 'null' ? undefined : normalisedOrigin(origin);
  const referer = typeof headers.referer === 'string' ? headers.referer.trim() : undefined;
  return referer === undefined || referer === '' ? undefined : normalisedOrigin(referer);
}

function normalisedOrigin(value: string): string | undefined {
  if (!URL.canParse(value)) return undefined;
  const url = new URL(value);
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : undefined;
}

/** Whether `origin` is one of the site's (stored as browsers send them, lower-case, no trailing slash). */
export function originAllowed(origin: string | undefined, allowed: readonly string[]): origin is string {
  return origin !== undefined && allowed.includes(origin.toLowerCase());
}
