// Every step a draft runs over the customer's text is linear in it: normalising, redacting,
// injection scoring, the sentiment signals, the action prefills and suggestions, the embedded
// drafter, the prompt, the citation filter and the output guard. Each worst-case shape is timed
// at 2,000 and 16,000 characters: linear work grows about 8×, a quadratic step 64×, so the bound
// of 48× catches a step that rescans its input without tripping on a busy machine. (The
// regressions this guards against: an e-mail pattern in the prefills, blank-line and digit-run
// patterns in the injection cues, and the guard's sentence buffer, each quadratic.)
import type { CustomerLiveState } from '@tandem/shared';
import { describe, expect, it } from 'vitest';
import { demoStoreActions } from '../actions/definitions/demoStore.js';
import { readTicket } from '../actions/definitions/ticketClues.js';
import { suggestActions } from '../actions/suggestActions.js';
import { ticketSignals } from '../analysis/ticketSignals.js';
import { CitationFilter } from '../drafting/citationFilter.js';
import { buildDraftMessages } from '../drafting/draftPrompt.js';
import { EmbeddedDrafter } from '../drafting/embeddedDrafter.js';
import { OutputGuard } from '../drafting/guard/outputGuard.js';
import { scoreInjection } from '../safety/injectionDetector.js';
import { PiiVault } from '../../security/redactPii.js';
import { normaliseUntrusted } from '../../security/untrustedText.js';
import { actionContext } from '../../testing/actionContexts.js';
import type { DemoStoreClient } from '../connectors/demoStore.js';
import { MAX_TURN_CHARS, shortenTurn } from './shortenTurn.js';
import { fastestCpuMs } from '../../testing/cpuTime.js';

const SMALL = 2_000;
const LARGE = 16_000;
// Linear work grows ~8×, a quadratic step ~64×. Under a full parallel test run on 2 cores, the
// collector's work on the long text has made a linear step read up to 36×; 48 still tells the two apart.
const MAX_GROWTH = 48;

const SHAPES: [string, string][] = [
  ['one letter', 'a'],
  ['one capital', 'A'],
  ['digits', '7'],
  ['digit groups', '4111 '],
  ['digits and dashes', '1-'],
  ['digits and dots', '7.'],
  ['punctuation', '!?.'],
  ['spaces and tabs', ' \t'],
  ['line breaks', '\n'],
  ['a giant word', 'Supercalifragilistic'],
  ['address characters', 'a.b_c%d+e-'],
  ['at-signs and dots', 'a@b.'],
  ['capitalised words', 'Ana '],
  ['brackets and tags', '[<'],
  ['placeholders', '[EMAIL_1]'],
  ['prose', 'Please cancel order #W1234567 and refund $249.00 to my Visa, call +1 415 555 0134. '],
];

const fill = (unit: string, chars: number): string => unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars);

const live: CustomerLiveState = {
  customer: { id: 'cus_000001', name: 'Ana Lopez', email: 'ana@example.org' },
  orders: [],
  tickets: [],
  pages: [],
} as unknown as CustomerLiveState;
// Prefills only read the ticket; the client is never called while suggesting.
const catalog = demoStoreActions({} as DemoStoreClient);
const actions = { list: () => catalog, get: (name: string) => catalog.find((a) => a.name === name) };

const STEPS: [string, (text: string) => unknown][] = [
  ['normaliseUntrusted', (text) => normaliseUntrusted(text)],
  ['redaction', (text) => new PiiVault().redact(text)],
  ['injection scoring', (text) => scoreInjection(text)],
  ['sentiment signals', (text) => ticketSignals(text, 'en')],
  ['ticket clues', (text) => readTicket(actionContext({ subject: 'Help', customerSays: text }))],
  [
    'action suggestions',
    (text) => suggestActions(actions, { context: actionContext({ subject: 'Help', customerSays: text }, live), text, intent: 'refund' }),
  ],
  ['shortened turn', (text) => shortenTurn(text, MAX_TURN_CHARS, (t) => new PiiVault().redact(t))],
  [
    'embedded drafter',
    (text) =>
      new EmbeddedDrafter().compose({
        language: 'en',
        subject: 'Help',
        conversation: [{ role: 'customer', text }],
        passages: [{ n: 1, title: 'Refunds', sectionPath: [], text: `Refunds take five business days to arrive. ${text}` }],
        liveFacts: [],
        tools: [],
      }),
  ],
  [
    'prompt',
    (text) =>
      buildDraftMessages({
        language: 'en',
        subject: 'Help',
        conversation: [{ role: 'customer', text }],
        passages: [{ n: 1, title: text.slice(0, 200), sectionPath: [], text }],
        liveFacts: [text],
        tools: [],
      }),
  ],
  ['citation filter', (text) => new CitationFilter(3).push(text)],
  [
    'output guard',
    (text) => {
      const guard = new OutputGuard({
        sourceUrls: [],
        linkDomains: [],
        systemPolicy: 'You draft replies for a support agent.',
        liveFacts: [],
      });
      return guard.push(text) + guard.flush();
    },
  ],
];

describe('analysis cost', () => {
  it.each(STEPS)('%s grows linearly with the text on every worst-case shape', { timeout: 60_000 }, (_name, step) => {
    step('warm up: Refund processed for order #W1234567, write to ana@example.org.');
    const growth: Record<string, number> = {};
    for (const [shape, unit] of SHAPES) {
      const [short, long] = [fill(unit, SMALL), fill(unit, LARGE)];
      // Each shape warmed up on its long text first (the JIT would otherwise make the short run
      // look slow), then the CPU time of the fastest of five runs: a step waiting for a core is
      // not a slower step. The short text runs eight times per measurement, so both sides are
      // milliseconds of work and one collector pause on a sub-millisecond run cannot make a
      // linear step look quadratic (CI once saw 34× that way).
      step(long);
      const repeats = LARGE / SMALL;
      const shortRuns = (): void => {
        for (let i = 0; i < repeats; i++) step(short);
      };
      growth[shape] = (repeats * fastestCpuMs(() => step(long), 5)) / fastestCpuMs(shortRuns, 5);
    }
    for (const [shape, g] of Object.entries(growth))
      expect(g, `${shape}: ${g.toFixed(1)}× the time for 8× the text`).toBeLessThan(MAX_GROWTH);
  });
});
