/**
 * Credentials a draft must never echo, by the shapes providers give them: OpenAI and Stripe keys,
 * Tandem's own API tokens, bearer tokens, AWS, GitHub, Slack and Google keys, JWTs and PEM private
 * keys. A model can only echo what reached it (a customer pasting a key, an injection asking for
 * "your API key"), so matches are rare and every one is replaced, never shown. Each pattern starts
 * at a fixed prefix and has bounded repetition, so a scan is linear in the text.
 */

export const SECRET_NOTE = '[secret removed]';

const SECRET_PATTERNS: readonly RegExp[] = [
  // OpenAI (sk-…, sk-proj-…) and Stripe secret keys (sk_live_…), Stripe restricted keys.
  /(?<![\w-])(?:sk|rk)[-_](?:proj-|live_|test_|svcacct-|admin-)?[A-Za-z0-9_-]{16,}/g,
  // Tandem API tokens: tdm_ + 32 random bytes in base64url.
  /(?<![\w-])tdm_[A-Za-z0-9_-]{16,}/g,
  // An Authorization header's value.
  /\b[Bb]earer\s+[A-Za-z0-9._~+/-]{16,}=*/g,
  // AWS access key ids, GitHub tokens, Slack tokens, Google API keys.
  /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g,
  /\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{40,})/g,
  /\bxox[abprs]-[A-Za-z0-9-]{10,}/g,
  /\bAIza[0-9A-Za-z_-]{35}/g,
  // JSON Web Tokens: three base64url parts, the first two JSON objects ("eyJ").
  /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g,
];

const PEM_BEGIN = /-----BEGIN [A-Z ]{0,40}PRIVATE KEY-----/;
const PEM_END = /-----END [A-Z ]{0,40}PRIVATE KEY-----/;

/**
 * Replaces credentials segment by segment. A PEM private key spans lines, which the sentence
 * buffer delivers apart: from its BEGIN line to its END line everything is dropped.
 */
export class SecretFilter {
  #inPem = false;
  #removed = 0;

  /** Credentials replaced so far (a PEM key counts once). */
  get removed(): number {
    return this.#removed;
  }

  filter(segment: string): string {
    let text = segment;
    let prefix = '';
    if (!this.#inPem) {
      const begin = PEM_BEGIN.exec(text);
      if (begin !== null) {
        prefix = `${text.slice(0, begin.index)}${SECRET_NOTE}`;
        text = text.slice(begin.index + begin[0].length);
        this.#inPem = true;
        this.#removed += 1;
      }
    }
    if (this.#inPem) {
      const end = PEM_END.exec(text);
      if (end === null) return this.#patterns(prefix);
      this.#inPem = false;
      text = text.slice(end.index + end[0].length);
    }
    return this.#patterns(prefix) + this.#patterns(text);
  }

  #patterns(text: string): string {
    let out = text;
    for (const pattern of SECRET_PATTERNS) {
      out = out.replace(pattern, () => {
        this.#removed += 1;
        return SECRET_NOTE;
      });
    }
    return out;
  }
}

/** A run of non-space characters that may be the start of a credential cut by the sentence buffer's bound. */
export function mayBeSecretStart(run: string): boolean {
  return /^(?:sk[-_]|rk[-_]|tdm_|AKIA|ASIA|gh[pousr]_|github_pat_|xox[abprs]-|AIza|eyJ)/.test(run) || /^[A-Za-z0-9_+/=-]{24,}$/.test(run);
}
