/**
 * A file name for a fetched resource, from the last path segment of its final URL. Parsers pick a
 * format by content first and by extension second, and use the name as the title of last resort,
 * so a page served as HTML from `/pricing` is named `pricing.html` and the site root `index.html`.
 */

/** Media type → the extensions parsers know it by; the first is the one added when missing. */
const EXTENSIONS: Readonly<Record<string, readonly string[]>> = {
  'text/html': ['html', 'htm', 'xhtml'],
  'application/xhtml+xml': ['xhtml', 'html', 'htm'],
  'application/pdf': ['pdf'],
  'text/plain': ['txt', 'text', 'log'],
  'text/markdown': ['md', 'markdown', 'mdown', 'mkd'],
  'text/x-markdown': ['md', 'markdown', 'mdown', 'mkd'],
  'text/csv': ['csv'],
  'text/tab-separated-values': ['tsv'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': ['pptx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
};

const MAX_NAME_LENGTH = 200;

export function fileNameFor(url: string, contentType: string | undefined): string {
  const known = EXTENSIONS[mediaType(contentType)];
  const segment = lastSegment(url);
  const base = segment || 'index';
  const extension = base.includes('.') ? base.slice(base.lastIndexOf('.') + 1).toLowerCase() : '';
  if (known && !known.includes(extension)) return `${base}.${known[0]}`;
  return segment ? base : `index.${known?.[0] ?? 'html'}`;
}

function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** Decoded, with separators and control characters replaced, so it is safe as a plain name. */
function lastSegment(url: string): string {
  let pathname: string;
  try {
    pathname = new URL(url).pathname;
  } catch {
    return '';
  }
  const raw = pathname.split('/').pop() ?? '';
  let decodedName: string;
  try {
    decodedName = decodeURIComponent(raw);
  } catch {
    decodedName = raw;
  }
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  const cleaned = decodedName.replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, '_').trim();
  if (cleaned === '.' || cleaned === '..') return '';
  return cleaned.length > MAX_NAME_LENGTH ? cleaned.slice(cleaned.length - MAX_NAME_LENGTH) : cleaned;
}
