/**
 * Web pages (.html): Readability picks the main content (the whole body when it finds none), and
 * that content is walked into blocks. The title comes from og:title, <title> or the first h1;
 * the language from <html lang>.
 */
import { Readability } from '@mozilla/readability';
import { BlockSink, collapseLine } from './blockSink.js';
import { decodeText } from './decodeText.js';
import { type DomDocument, type DomElement, parseHtmlDocument } from './dom.js';
import { HEADING_LEVEL_ATTRIBUTE, htmlToBlocks } from './htmlBlocks.js';
import type { DocumentParser, ParsedDocument, ParseInput, ParseLimits } from './parsedDocument.js';

export { extractLinks } from './htmlLinks.js';

export const htmlParser: DocumentParser = {
  format: 'html',
  extensions: ['html', 'htm', 'xhtml'],
  mediaTypes: ['text/html', 'application/xhtml+xml'],
  sniff: looksLikeHtml,
  parse: parseHtml,
};

async function parseHtml(input: ParseInput, limits: ParseLimits): Promise<ParsedDocument> {
  const html = decodeText(input.bytes, declaredCharset(input.bytes));
  // Readability rewrites the document it reads, so it gets its own copy.
  const page = parseHtmlDocument(html);
  const sink = new BlockSink(limits.maxExtractedChars);
  htmlToBlocks(mainContent(parseHtmlDocument(html)) ?? page.body ?? emptyRoot(page), sink);
  return { title: pageTitle(page), blocks: sink.blocks, language: pageLanguage(page) };
}

function mainContent(document: DomDocument): DomElement | undefined {
  for (const heading of Array.from(document.querySelectorAll('h1,h2,h3,h4,h5,h6'))) {
    heading.setAttribute(HEADING_LEVEL_ATTRIBUTE, heading.tagName.slice(1));
  }
  try {
    // Cast through unknown: Readability is typed against the DOM lib's Document, which this file must
    // not depend on (it also compiles inside the browser apps that import the AppRouter type).
    const readable = document as unknown as ConstructorParameters<typeof Readability>[0];
    const article = new Readability<DomElement>(readable, { serializer: (node) => node as unknown as DomElement }).parse();
    const content = article?.content;
    return content && collapseLine(content.textContent ?? '') ? content : undefined;
  } catch {
    // Readability gives up on some malformed pages; the whole body is still worth indexing.
    return undefined;
  }
}

function emptyRoot(page: DomDocument): DomElement {
  const root = page.documentElement;
  if (!root) throw new Error('the page has no root element');
  return root;
}

function pageTitle(page: DomDocument): string | undefined {
  const candidates = [
    page.querySelector('meta[property="og:title"]')?.getAttribute('content'),
    page.querySelector('title')?.textContent,
    page.querySelector('h1')?.textContent,
  ];
  for (const candidate of candidates) {
    const title = collapseLine(candidate ?? '');
    if (title) return title;
  }
  return undefined;
}

function pageLanguage(page: DomDocument): string | undefined {
  const lang =
    page.documentElement?.getAttribute('lang') ?? page.querySelector('meta[http-equiv="content-language" i]')?.getAttribute('content');
  return lang?.trim() || undefined;
}

function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 512)).replace(/^\ufeff/, '');
  return /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html)[\s>]/i.test(head);
}

/** A charset declared in a meta tag within the first 1024 bytes, as browsers look for it. */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1];
}
