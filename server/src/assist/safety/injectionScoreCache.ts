/**
 * Remembers injection scores by text. Every answer in a conversation screens all of its turns
 * again (and the widget answers every visitor message), though only the newest turn is new;
 * knowledge passages come back draft after draft. A score depends on the text alone (the model is
 * fixed at build time), so a text scored once need not be scored again. Keyed by a SHA-256 of the
 * text, so a long message costs 32 bytes of key, not its length; bounded, least recently used out.
 */
import { createHash } from 'node:crypto';
import { scoreInjection, type InjectionScore } from './injectionDetector.js';

export class InjectionScoreCache {
  readonly #scores = new Map<string, Readonly<InjectionScore>>();

  constructor(
    readonly maxEntries: number,
    readonly score: (text: string) => InjectionScore = scoreInjection,
  ) {}

  get size(): number {
    return this.#scores.size;
  }

  /** The text's score, computed on its first sight. Callers get a shared, frozen value. */
  scoreOf(text: string): Readonly<InjectionScore> {
    const key = createHash('sha256').update(text).digest('base64');
    const cached = this.#scores.get(key);
    if (cached !== undefined) {
      // Seen again: move it to the young end.
      this.#scores.delete(key);
      this.#scores.set(key, cached);
      return cached;
    }
    const computed = this.score(text);
    const frozen = Object.freeze({ ...computed, reasons: Object.freeze([...computed.reasons]) as string[] });
    if (this.#scores.size >= this.maxEntries) this.#scores.delete(this.#scores.keys().next().value as string);
    this.#scores.set(key, frozen);
    return frozen;
  }
}
