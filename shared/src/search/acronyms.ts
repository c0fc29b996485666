/**
 * Acronyms a document defines for itself ("credit limit increase (CLI)"). Titles are often
 * written with the acronym alone ("How can I request a CLI?") while customers write the words,
 * so the title is indexed and embedded with the long form beside it.
 */
const DEFINITION = /((?:[\p{L}][\p{L}-]*\s+){1,7}?)\(([A-Z]{2,8})s?\)/gu;

/** Acronym → long form for every "long form (ACRONYM)" in `text` whose initials match. */
export function definedAcronyms(text: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of text.matchAll(DEFINITION)) {
    const acronym = match[2] as string;
    const words = (match[1] as string).trim().split(/\s+/);
    // Take the shortest run of trailing words whose initials spell the acronym.
    for (let n = 2; n <= Math.min(words.length, acronym.length + 2); n++) {
      const candidate = words.slice(-n);
      const first = candidate[0] as string;
      if (first.length <= 2 && !/^[A-Z]/.test(first)) continue;
      const initials = candidate
        .filter((w) => w.length > 2 || /^[A-Z]/.test(w))
        .map((w) => (w[0] as string).toUpperCase())
        .join('');
      if (initials === acronym) {
        found.set(acronym, candidate.join(' '));
        break;
      }
    }
  }
  return found;
}

/** `title` with the long form of each acronym it uses appended, e.g. "How can I request a CLI? (credit limit increase)". */
export function expandTitleAcronyms(title: string, definitions: ReadonlyMap<string, string>): string {
  const additions: string[] = [];
  for (const [acronym, longForm] of definitions) {
    if (new RegExp(`\\b${acronym}s?\\b`).test(title) && !title.toLowerCase().includes(longForm.toLowerCase())) additions.push(longForm);
  }
  return additions.length === 0 ? title : `${title} (${additions.join('; ')})`;
}
