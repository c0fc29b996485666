/**
 * The few DOM calls link and sitemap discovery need, typed here because the server compiles
 * without the browser DOM library (linkedom's own types resolve to `any` there). linkedom's
 * documents are cast to this slice once, in the two parse functions.
 */
import { DOMParser, parseHTML } from 'linkedom';

export interface MarkupElement {
  readonly textContent: string | null;
  getAttribute(name: string): string | null;
}

export interface MarkupDocument {
  readonly documentElement: { readonly localName: string } | null;
  querySelector(selectors: string): MarkupElement | null;
  querySelectorAll(selectors: string): ArrayLike<MarkupElement>;
}

export function parseHtml(html: string): MarkupDocument {
  return parseHTML(html).document as unknown as MarkupDocument;
}

/** Namespaced children such as `image:loc` keep their prefix, so `loc` matches only the plain element. */
export function parseXml(xml: string): MarkupDocument {
  return new DOMParser().parseFromString(xml, 'text/xml') as unknown as MarkupDocument;
}
