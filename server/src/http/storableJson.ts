/**
 * Strings PostgreSQL cannot store in text or JSON: a NUL character, or a lone UTF-16 surrogate
 * (JSON's `\ud800` escape without its pair). A request carrying one can never be stored, so it is
 * refused for good (422 naming the field) rather than failing in the database and being retried.
 */

/** A high surrogate not followed by a low one, or a low surrogate not preceded by a high one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const NUL = String.fromCharCode(0);

function storable(text: string): boolean {
  return !text.includes(NUL) && !LONE_SURROGATE.test(text);
}

/** Dotted paths (`events.1.data.note`) of every string or key in `value` that cannot be stored. */
export function unstorableStringPaths(value: unknown, path = '', found: string[] = []): string[] {
  if (typeof value === 'string') {
    if (!storable(value)) found.push(path || '(body)');
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => unstorableStringPaths(item, path === '' ? String(i) : `${path}.${i}`, found));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const at = path === '' ? key : `${path}.${key}`;
      if (!storable(key)) found.push(at);
      unstorableStringPaths(item, at, found);
    }
  }
  return found;
}
