/**
 * The embedded drafter: a grounded reply without any LLM. Answer first: after a greeting (by first
 * name when the helpdesk gives a person's name), it quotes what of the retrieved passages answers
 * each question the customer asked (selectAnswer.ts; headings kept out of sentences, lists kept as
 * lists, each cited `[n]`), then the live facts and a closing, its own phrases in the customer's
 * language. When the answer confidence says the sources do not answer, it writes a plain "I could
 * not find this in our help articles" reply with a handoff instead. It streams word by word, like
 * the LLM path, so clients cannot tell the difference in shape. Also the fallback when the
 * provider fails.
 */
import type { DraftChunk, Drafter, DraftRequest } from './drafter.js';
import { mergeUnits, unitText } from './passageUnits.js';
import { languageName, phrasesFor } from './replyPhrases.js';
import { selectAnswer } from './selectAnswer.js';

/** Units (a sentence or a whole list) quoted for each requested length; medium is the default. */
const UNITS_FOR: Record<NonNullable<DraftRequest['length']>, number> = { short: 1, medium: 4, long: 8 };

function* words(text: string): Generator<string> {
  for (const match of text.matchAll(/\S+\s*/g)) yield match[0];
}

export class EmbeddedDrafter implements Drafter {
  readonly kind = 'embedded' as const;

  compose(request: DraftRequest): string {
    const { phrases, language } = phrasesFor(request.language);
    const greeting = phrases.greeting(request.customerName);
    const facts = request.liveFacts.length > 0 ? [`${phrases.liveIntro} ${request.liveFacts.join(' ')}`] : [];
    // The answer confidence says the sources do not answer: say so plainly and hand over, quoting nothing.
    if (request.sourcesAnswer === false) return [greeting, `${phrases.notFound} ${phrases.handoff}`, ...facts].join('\n\n');
    const customerText = request.conversation
      .filter((t) => t.role === 'customer')
      .map((t) => t.text)
      .join('\n');
    // Text is quoted verbatim into the agent's draft: never from a passage flagged as carrying instructions.
    const chosen = mergeUnits(
      selectAnswer(
        { subject: request.subject, customerText, language: request.language.toLowerCase().slice(0, 2) },
        request.passages.filter((passage) => passage.flagged !== true),
        UNITS_FOR[request.length ?? 'medium'],
      ),
    );
    if (chosen.length === 0) return [greeting, ...facts, phrases.noKnowledge, phrases.closing].join('\n\n');
    // Answer first: straight after the greeting, one paragraph per quoted unit, lists on their own lines.
    const quoted = chosen.map((c) => `${unitText(c.unit).replace(/\s*\[\d+\]\s*$/, '')} [${c.passage.n}]`);
    const foreign = chosen.find((c) => c.passage.language !== undefined && !c.passage.language.startsWith(language));
    const intro = foreign === undefined ? [] : [phrases.otherLanguage(languageName(foreign.passage.language ?? 'en', language))];
    return [greeting, ...intro, ...quoted, ...facts, phrases.closing].join('\n\n');
  }

  async *draft(request: DraftRequest, signal: AbortSignal): AsyncGenerator<DraftChunk> {
    for (const word of words(this.compose(request))) {
      if (signal.aborted) return;
      yield { kind: 'token', text: word };
    }
  }
}
