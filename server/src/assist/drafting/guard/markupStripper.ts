/**
 * Removes HTML from a streamed draft: tags (`<img src=x onerror=…>`, `<script>`, `<a href>`),
 * comments and processing instructions go, the text between tags stays. A draft is plain text
 * that an agent pastes into a helpdesk's composer, which may render HTML, so a tag is never
 * needed and any tag is a risk: removing beats escaping, which would still show the attack to the
 * customer as text. State carries over segments, so a tag cut by a sentence boundary
 * (`<img alt="Hi. There" onerror=…>`) is removed whole. One pass per character.
 */

/** What opens a tag after `<`: a letter, `/` (end tag), `!` (comment, doctype) or `?` (processing instruction). */
const TAG_START = /[A-Za-z/!?]/;
/** An unclosed tag ends here at the latest, so "x<y" in prose cannot swallow the rest of a long draft. */
const MAX_TAG_CHARS = 1024;

export class MarkupStripper {
  #inTag = false;
  #inComment = false;
  #tagChars = 0;
  /** A `<` that ended the previous segment: whether it opens a tag depends on the next character. */
  #heldLt = false;
  #removed = 0;

  /** Tags and comments removed so far. */
  get removed(): number {
    return this.#removed;
  }

  /** `text` without markup. `final` ends the stream: an unclosed tag is dropped, a lone trailing `<` kept. */
  strip(text: string, final = false): string {
    let out = '';
    let i = 0;
    if (this.#heldLt) {
      this.#heldLt = false;
      if (text.length === 0) {
        if (final) out += '<';
        else this.#heldLt = true;
        return out;
      }
      if (TAG_START.test(text[0] as string)) this.#open(text, 0);
      else out += '<';
    }
    while (i < text.length) {
      const c = text[i] as string;
      if (this.#inComment) {
        if (c === '>' && text.slice(Math.max(0, i - 2), i) === '--') this.#close();
        else if (++this.#tagChars > MAX_TAG_CHARS) this.#close();
      } else if (this.#inTag) {
        if (c === '>' || ++this.#tagChars > MAX_TAG_CHARS) this.#close();
      } else if (c === '<') {
        const next = text[i + 1];
        if (next === undefined) {
          if (final) out += c;
          else this.#heldLt = true;
        } else if (TAG_START.test(next)) this.#open(text, i + 1);
        else out += c;
      } else out += c;
      i++;
    }
    if (final) {
      this.#inTag = false;
      this.#inComment = false;
    }
    return out;
  }

  /** `at` is the index of the character after `<`. */
  #open(text: string, at: number): void {
    this.#inTag = true;
    this.#inComment = text.startsWith('!--', at);
    this.#tagChars = 0;
    this.#removed += 1;
  }

  #close(): void {
    this.#inTag = false;
    this.#inComment = false;
  }
}
