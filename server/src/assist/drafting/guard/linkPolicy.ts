/**
 * Which links a draft may carry: http(s) only, and only to a host the workspace vouches for, i.e.
 * the host of a source sent with the draft or one of the workspace's allowed domains (a domain
 * allows its subdomains). Everything else in the model's text that a composer or a mail client
 * would turn into a link is removed: markdown links keep their text and lose their target, bare
 * URLs, `www.` addresses and bare domains become a note, and script-carrying pseudo-URLs
 * (`javascript:`, `data:`, `vbscript:`) are removed wherever they appear.
 */
import { z } from 'zod';

export const LINK_NOTE = '[link removed]';

/** A domain a workspace allows links to, as an admin writes it: "help.example.com", lower case, no scheme or path. */
export const linkDomainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .regex(/^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/, 'a domain such as help.example.com');

export interface LinkPolicy {
  /** Whether a link to `url` may stay. */
  allows(url: string): boolean;
}

/** Hostnames as URL parsing gives them: lower case, punycode, no trailing dot. */
function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.replace(/\.$/, '');
  } catch {
    return undefined;
  }
}

/** A bare domain ("help.example.com") or the host of a URL; undefined when it is neither. */
function domainOf(entry: string): string | undefined {
  const trimmed = entry.trim().toLowerCase();
  if (trimmed === '') return undefined;
  return hostOf(/^[a-z][a-z0-9+.-]*:\/\//.test(trimmed) ? trimmed : `https://${trimmed}`);
}

/** The policy for one draft: `sourceUrls` of the passages sent with it, `domains` the workspace allows. */
export function linkPolicy(sourceUrls: readonly (string | undefined)[], domains: readonly string[]): LinkPolicy {
  const allowed = new Set<string>();
  for (const url of sourceUrls) {
    const host = url === undefined ? undefined : domainOf(url);
    if (host !== undefined) allowed.add(host);
  }
  for (const domain of domains) {
    const host = domainOf(domain);
    if (host !== undefined) allowed.add(host);
  }
  return {
    allows(url) {
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        return false;
      }
      // Credentials in a link are a classic disguise ("https://help.example.com@evil.example").
      if ((parsed.protocol !== 'https:' && parsed.protocol !== 'http:') || parsed.username !== '' || parsed.password !== '') return false;
      const host = parsed.hostname.replace(/\.$/, '');
      for (let h = host; h.includes('.'); h = h.slice(h.indexOf('.') + 1)) if (allowed.has(h)) return true;
      return false;
    },
  };
}

/** `[text](target "title")` and `![alt](target)`, bounded so a scan stays linear. */
const MARKDOWN_LINK = /(!?)\[([^[\]\n]{0,300})\]\(\s*<?([^\s()<>]{0,2048})>?(?:\s+(?:"[^"\n]{0,200}"|'[^'\n]{0,200}'))?\s*\)/g;
/** Pseudo-URLs that run script or carry a document; "JavaScript: enable it in…" (a space after) is prose. */
const SCRIPT_URL = /(?:(?<=\])\(\s*)?\b(?:javascript|vbscript|livescript|data|blob|file):(?=[^\s])[^\s]{0,2048}/gi;
/** `scheme://…`, `www.…`, and bare domains with a common top-level domain ("refunds-now.com/claim"). */
const URL_LIKE =
  /\b[a-z][a-z0-9+.-]{1,20}:\/\/[^\s<>"'`]{1,2048}|(?<![@\w.-])www\.[^\s<>"'`]{1,2048}|(?<![@\w.\-/])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.){1,8}(?:com|net|org|info|biz|io|co|app|dev|xyz|top|online|site|shop|store|link|click|support|help|pay|me|ly|to|cc|ru|cn|tk|ml|ga|cf|gq|de|fr|es|it|nl|pt|uk|us|eu|ca|au|in|br|mx)(?![\w-])(?:\/[^\s<>"'`]{0,2048})?/gi;
/** Punctuation that ends a sentence rather than a URL. */
const TRAILING = /[.,;:!?)\]}'"»]+$/;

export interface LinkFilterResult {
  text: string;
  removed: number;
}

/** `text` with every link the policy does not allow removed. */
export function filterLinks(text: string, policy: LinkPolicy): LinkFilterResult {
  let removed = 0;
  let out = text.replace(MARKDOWN_LINK, (whole, bang: string, label: string, target: string) => {
    if (policy.allows(target)) return whole;
    removed += 1;
    // An image has nothing to show without its target; a link keeps its words (checked again below).
    return bang === '!' ? '' : label;
  });
  out = out.replace(SCRIPT_URL, () => {
    removed += 1;
    return LINK_NOTE;
  });
  out = out.replace(URL_LIKE, (match: string) => {
    const tail = TRAILING.exec(match)?.[0] ?? '';
    const url = match.slice(0, match.length - tail.length);
    const absolute = /^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `http://${url}`;
    if (policy.allows(absolute)) return match;
    removed += 1;
    return LINK_NOTE + tail;
  });
  return { text: out, removed };
}
