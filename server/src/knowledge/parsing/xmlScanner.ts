/**
 * A small streaming XML scanner for the OOXML parts of PPTX and XLSX. It walks the markup once,
 * left to right, with no tree and no backtracking, so a large sheet costs one pass and a hostile
 * part cannot make it loop. DTDs are skipped and only the predefined and numeric entities are
 * decoded, so entity-expansion attacks have nothing to expand.
 */

export interface XmlHandlers {
  /**
   * `name` is the local name: namespace prefixes differ between producers. Attribute names keep
   * their prefix, because `id` and `r:id` on one element mean different things.
   */
  open?(name: string, attributes: Readonly<Record<string, string>>, selfClosing: boolean): void;
  close?(name: string): void;
  text?(text: string): void;
}

export function scanXml(xml: string, handlers: XmlHandlers): void {
  const length = xml.length;
  let at = 0;
  while (at < length) {
    const lt = xml.indexOf('<', at);
    if (lt < 0) {
      emitText(handlers, xml.slice(at), true);
      return;
    }
    if (lt > at) emitText(handlers, xml.slice(at, lt), true);
    if (xml.startsWith('<!--', lt)) {
      at = skipPast(xml, '-->', lt + 4);
    } else if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9);
      emitText(handlers, xml.slice(lt + 9, end < 0 ? length : end), false);
      at = end < 0 ? length : end + 3;
    } else if (xml.startsWith('<?', lt)) {
      at = skipPast(xml, '?>', lt + 2);
    } else if (xml.startsWith('<!', lt)) {
      at = skipDeclaration(xml, lt);
    } else {
      const gt = tagEnd(xml, lt + 1);
      if (gt < 0) return;
      emitTag(handlers, xml.slice(lt + 1, gt));
      at = gt + 1;
    }
  }
}

function emitTag(handlers: XmlHandlers, tag: string): void {
  if (tag.startsWith('/')) {
    handlers.close?.(localName(tag.slice(1).trim()));
    return;
  }
  const selfClosing = tag.endsWith('/');
  const body = selfClosing ? tag.slice(0, -1) : tag;
  const nameEnd = body.search(/[\s/]|$/);
  const name = localName(body.slice(0, nameEnd));
  if (!name) return;
  handlers.open?.(name, parseAttributes(body.slice(nameEnd)), selfClosing);
  if (selfClosing) handlers.close?.(name);
}

function emitText(handlers: XmlHandlers, raw: string, decode: boolean): void {
  if (handlers.text && raw) handlers.text(decode ? decodeXmlEntities(raw) : raw);
}

function parseAttributes(source: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const match of source.matchAll(/([^\s=/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    const [, name, doubleQuoted, singleQuoted] = match;
    if (name) attributes[name] = decodeXmlEntities(doubleQuoted ?? singleQuoted ?? '');
  }
  return attributes;
}

/** The value of a namespaced attribute (e.g. `r:id`) whatever prefix the producer chose. */
export function prefixedAttribute(attributes: Readonly<Record<string, string>>, local: string): string | undefined {
  for (const [name, value] of Object.entries(attributes)) {
    if (name.endsWith(`:${local}`)) return value;
  }
  return undefined;
}

function localName(qualified: string): string {
  const colon = qualified.indexOf(':');
  return colon < 0 ? qualified : qualified.slice(colon + 1);
}

/** Index of the `>` closing a tag, ignoring any inside quoted attribute values; -1 if none. */
function tagEnd(xml: string, from: number): number {
  let quote = '';
  for (let i = from; i < xml.length; i++) {
    const ch = xml[i];
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === '>') {
      return i;
    }
  }
  return -1;
}

function skipPast(xml: string, terminator: string, from: number): number {
  const end = xml.indexOf(terminator, from);
  return end < 0 ? xml.length : end + terminator.length;
}

/** `<!DOCTYPE …>` may hold an internal subset in brackets, which itself contains `>`. */
function skipDeclaration(xml: string, from: number): number {
  const bracket = xml.indexOf('[', from);
  const gt = xml.indexOf('>', from);
  if (gt < 0) return xml.length;
  if (bracket < 0 || bracket > gt) return gt + 1;
  const close = xml.indexOf(']', bracket);
  return close < 0 ? xml.length : skipPast(xml, '>', close);
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeXmlEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,4});/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '';
    }
    return NAMED_ENTITIES[ref] ?? whole;
  });
}
