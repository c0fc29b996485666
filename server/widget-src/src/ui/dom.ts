/**
 * The one way the widget makes DOM: elements with attributes and children, where every string
 * becomes a text node. There is no innerHTML anywhere in the bundle, and no attribute can be an
 * event handler (`on…`) or a link: hrefs are set only by safeLink.ts, from a checked URL.
 */
export type Child = Node | string | false | null | undefined;

export type Attributes = Record<string, string | boolean | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = doc.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) setAttribute(element, name, value);
  append(element, ...children);
  return element;
}

export function setAttribute(element: Element, name: string, value: string | boolean | undefined): void {
  const lower = name.toLowerCase();
  if (lower.startsWith('on') || lower === 'href' || lower === 'src' || lower === 'style' || lower === 'srcdoc')
    throw new Error(`the widget does not set ${name} through h()`);
  if (value === undefined || value === false) element.removeAttribute(name);
  else element.setAttribute(name, value === true ? '' : value);
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === false || child === null || child === undefined) continue;
    parent.appendChild(typeof child === 'string' ? (parent.ownerDocument ?? (parent as Document)).createTextNode(child) : child);
  }
}

/** Replaces an element's content with plain text. */
export function setText(element: Element, text: string): void {
  element.textContent = text;
}
