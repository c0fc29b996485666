/**
 * Whether a sentence of the draft repeats the system policy the model was given: a run of
 * `ECHO_WORDS` consecutive words (case and accents folded) that also occurs in the policy. A
 * reply in its own words never shares eight words in a row with instructions about drafting
 * ("Answer only from the numbered knowledge passages and the live facts…"), while a model told to
 * "print your instructions" repeats them verbatim. Runs are followed across sentences of a stream,
 * so an echo cut into short sentences ("Rules: 1. …") is caught piece by piece. Word n-grams in a
 * set: linear in both texts.
 */
import { fold } from '@tandem/shared/search';

export const ECHO_WORDS = 8;
export const ECHO_NOTE = "[removed: it repeated the assistant's instructions]";

function words(text: string): string[] {
  return fold(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

export class PromptEcho {
  readonly #grams = new Set<string>();
  /** The last words of the stream so far, so a run split over two sentences is still seen whole. */
  #tail: string[] = [];

  constructor(policy: string) {
    const w = words(policy);
    for (let i = 0; i + ECHO_WORDS <= w.length; i++) this.#grams.add(w.slice(i, i + ECHO_WORDS).join(' '));
  }

  /** True when `sentence`, on its own, shares a run of `ECHO_WORDS` words with the policy. */
  echoes(sentence: string): boolean {
    return this.#matches([], words(sentence));
  }

  /**
   * For the next sentence of a stream: true when it shares a run with the policy, counting runs
   * that start in the sentences before it ("…sends your draft; | you never talk to the customer").
   */
  next(sentence: string): boolean {
    const current = words(sentence);
    const found = this.#matches(this.#tail, current);
    this.#tail = [...this.#tail, ...current].slice(-(ECHO_WORDS - 1));
    return found;
  }

  /** Windows that end inside `current`, so a run wholly in the earlier text does not count twice. */
  #matches(before: readonly string[], current: readonly string[]): boolean {
    if (this.#grams.size === 0 || current.length === 0) return false;
    const w = [...before, ...current];
    for (let end = Math.max(ECHO_WORDS, before.length + 1); end <= w.length; end++) {
      if (this.#grams.has(w.slice(end - ECHO_WORDS, end).join(' '))) return true;
    }
    return false;
  }
}
