/**
 * The output guard: every streamed draft passes through it before anyone sees it (the agent's
 * panel today; the customer widget will use the same class). Sentence by sentence, it
 *   1. removes HTML tags and comments (markupStripper.ts),
 *   2. replaces credentials and drops PEM keys (secretPatterns.ts),
 *   3. removes links that are not http(s) to a source's host or a workspace domain (linkPolicy.ts),
 *   4. replaces a sentence that repeats the system policy verbatim (promptEcho.ts),
 *   5. marks a claim that an action was done, since nothing runs while drafting (actionClaims.ts).
 * It holds back at most one sentence (sentenceBuffer.ts, bounded by MAX_HOLD_CHARS), and
 * counts what it changed so the pipeline can flag the draft for review and tell the agent why.
 * The checks read the sentence normalised (`normaliseUntrusted`: full-width and other look-alike
 * forms folded, invisible characters gone), so "ｊａｖａｓｃｒｉｐｔ:" or a key with zero-width
 * spaces inside is caught; a sentence no check changed is shown as the model wrote it (NFKC would
 * turn "m²" into "m2" and break emoji sequences), one that a check changed is shown normalised.
 * Every step is linear in the text.
 */
import { normaliseUntrusted } from '../../../security/untrustedText.js';
import { ActionClaims } from './actionClaims.js';
import { filterLinks, linkPolicy, type LinkPolicy } from './linkPolicy.js';
import { MarkupStripper } from './markupStripper.js';
import { ECHO_NOTE, PromptEcho } from './promptEcho.js';
import { mayBeSecretStart, SecretFilter } from './secretPatterns.js';
import { SentenceBuffer, type Segment } from './sentenceBuffer.js';

export interface OutputGuardPolicy {
  /** URLs of the sources sent with the draft: their hosts may be linked. */
  sourceUrls: readonly (string | undefined)[];
  /** Domains the workspace allows links to, besides its sources' hosts (subdomains included). */
  linkDomains: readonly string[];
  /** The system prompt the model was given: the draft must not repeat it. */
  systemPolicy: string;
  /** The customer's live facts as the drafter saw them: restating one is not claiming an action. */
  liveFacts: readonly string[];
}

/** How many of each thing the guard removed or marked in one draft. */
export interface GuardReport {
  html: number;
  links: number;
  secrets: number;
  promptEcho: number;
  claims: number;
}

/** Characters a run cut by the length bound may be a URL, markup or a credential by. */
const RISKY_RUN = /[:/<>@=\\]/;
export const LONG_RUN_NOTE = '[removed: a long link or code]';
/**
 * Removed even from a sentence shown as written: bidi controls reorder what the agent reads, and
 * Unicode tags carry text nobody sees but a model reading the sent reply would.
 */
const HIDDEN = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\u{E0000}-\u{E007F}]/gu;

export class OutputGuard {
  readonly #sentences = new SentenceBuffer();
  readonly #markup = new MarkupStripper();
  readonly #secrets = new SecretFilter();
  readonly #links: LinkPolicy;
  readonly #echo: PromptEcho;
  readonly #claims: ActionClaims;
  #linksRemoved = 0;
  #echoes = 0;
  #claimsMarked = 0;
  /** The previous segment ended inside a risky run that was removed: the rest of that run goes too. */
  #dropRun = false;

  constructor(policy: OutputGuardPolicy) {
    this.#links = linkPolicy(policy.sourceUrls, policy.linkDomains);
    this.#echo = new PromptEcho(policy.systemPolicy);
    this.#claims = new ActionClaims(policy.liveFacts);
  }

  get report(): GuardReport {
    return {
      html: this.#markup.removed,
      links: this.#linksRemoved,
      secrets: this.#secrets.removed,
      promptEcho: this.#echoes,
      claims: this.#claimsMarked,
    };
  }

  /** Whether the guard changed anything so far. */
  get intervened(): boolean {
    return Object.values(this.report).some((n) => n > 0);
  }

  /** Feeds streamed text; returns the checked text that may be shown now (possibly empty). */
  push(chunk: string): string {
    return this.#sentences
      .push(chunk)
      .map((s) => this.#check(s, false))
      .join('');
  }

  /** The held-back rest, checked; call once at the end of the stream. */
  flush(): string {
    const segments = this.#sentences.flush();
    const out = segments.map((s) => this.#check(s, true)).join('');
    // The stream is over: a `<` held by the markup stripper is released (or an open tag dropped).
    return segments.length === 0 ? out + this.#markup.strip('', true) : out;
  }

  #check(segment: Segment, final: boolean): string {
    let text = segment.text;
    if (this.#dropRun) {
      const run = /^\S*/.exec(text)?.[0] ?? '';
      text = text.slice(run.length);
      this.#dropRun = segment.midRun && run.length === segment.text.length;
    }
    if (segment.midRun) text = this.#cutRun(text);
    const checked = this.#checkNormalised(normaliseUntrusted(text), final);
    return checked.changed ? checked.text : text.replace(HIDDEN, '');
  }

  #checkNormalised(normalised: string, final: boolean): { text: string; changed: boolean } {
    let text = this.#markup.strip(normalised, final);
    text = this.#secrets.filter(text);
    const links = filterLinks(text, this.#links);
    this.#linksRemoved += links.removed;
    text = links.text;
    if (this.#echo.next(text)) {
      this.#echoes += 1;
      const lead = text.slice(0, text.length - text.trimStart().length);
      const trail = text.slice(text.trimEnd().length);
      return { text: `${lead}${ECHO_NOTE}${trail}`, changed: true };
    }
    const marked = this.#claims.mark(text);
    if (marked !== text) this.#claimsMarked += 1;
    return { text: marked, changed: marked !== normalised };
  }

  /**
   * A segment cut inside a run of non-space characters: a risky run (a URL, a tag, a credential
   * longer than the bound) is removed whole, here and in the segments that continue it, since
   * no check can judge half of it; a long word or a CJK sentence is passed on as it is.
   */
  #cutRun(text: string): string {
    // A backward scan: searching /\S*$/ would retry from every position of the run.
    let start = text.length;
    while (start > 0 && !/\s/.test(text[start - 1] as string)) start--;
    const run = text.slice(start);
    if (!RISKY_RUN.test(run) && !mayBeSecretStart(run)) return text;
    this.#dropRun = true;
    this.#linksRemoved += 1;
    return `${text.slice(0, start)}${LONG_RUN_NOTE}`;
  }
}
