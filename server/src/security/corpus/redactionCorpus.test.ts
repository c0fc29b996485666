// The redaction acceptance test (issue 13): on the held-out split of our own corpus, recall of
// planted values ≥ 0.99 and precision of redacted spans ≥ 0.98; dev is what the redactor was tuned
// on and must stay at least as good. The corpus itself is checked first, so a thin or broken
// corpus cannot pass by measuring little.
import { describe, expect, it } from 'vitest';
import { PII_KINDS } from '../pii/piiSpan.js';
import { normaliseUntrusted } from '../untrustedText.js';
import { evaluateRedaction, redactionSpans } from './evaluateRedaction.js';
import { loadFreshRedactionSamples, loadRedactionCorpus, parseSample } from './redactionCorpus.js';
import { scoreRedaction } from './redactionScore.js';

const corpus = loadRedactionCorpus();

describe('the redaction corpus', () => {
  it('plants at least 300 values of every kind, in five languages, beside PII-free look-alikes', () => {
    const items = corpus.flatMap((s) => s.items);
    expect(items.length).toBeGreaterThanOrEqual(300);
    for (const kind of PII_KINDS) expect(items.filter((i) => i.kind === kind).length, kind).toBeGreaterThanOrEqual(8);
    const languages = new Set(corpus.map((s) => s.lang));
    for (const lang of ['en', 'es', 'de', 'fr', 'pt']) expect(languages.has(lang), lang).toBe(true);
    expect(corpus.flatMap((s) => s.lookAlikes).length).toBeGreaterThanOrEqual(200);
    expect(corpus.filter((s) => s.type === 'article').length).toBeGreaterThanOrEqual(4);
  });

  it('holds the spellings the issue names: full-width and invisible characters, dotted cards, quoted and apostrophe e-mails', () => {
    const raw = corpus.flatMap((s) => s.items.map((i) => i.value));
    expect(raw.some((v) => /^\d{4}\.\d{4}\.\d{4}\.\d{4}$/.test(v))).toBe(true);
    expect(raw.some((v) => /^".+"@/.test(v))).toBe(true);
    expect(raw.some((v) => /'.*@/.test(v))).toBe(true);
    // Full-width digits and zero-width characters are written in the markup and gone once normalised.
    const marked = parseSample('probe', 'en', 'ticket', undefined, '{{CARD|４１１１\\u{200b}1111}}');
    expect(marked.items[0]?.value).toBe('41111111');
  });

  it('is split once into dev and held-out test, each with a fair share of the values', () => {
    const dev = corpus.filter((s) => s.split === 'dev').flatMap((s) => s.items);
    const test = corpus.filter((s) => s.split === 'test').flatMap((s) => s.items);
    expect(dev.length).toBeGreaterThanOrEqual(150);
    expect(test.length).toBeGreaterThanOrEqual(150);
  });

  it('keeps every sample normalised, with the marks where their values are', () => {
    for (const sample of corpus) {
      expect(normaliseUntrusted(sample.text)).toBe(sample.text);
      for (const mark of [...sample.items, ...sample.lookAlikes]) expect(sample.text.slice(mark.start, mark.end)).toBe(mark.value);
    }
  });
});

describe('redaction on the corpus', () => {
  it('catches ≥ 99% of the planted values with ≥ 98% precision on the held-out test split', () => {
    const score = evaluateRedaction('test', corpus);
    expect(score.recall, JSON.stringify(score.missed)).toBeGreaterThanOrEqual(0.99);
    expect(score.precision, JSON.stringify(score.falsePositives)).toBeGreaterThanOrEqual(0.98);
  });

  it('does at least as well on the dev split it was tuned on', () => {
    const score = evaluateRedaction('dev', corpus);
    expect(score.recall, JSON.stringify(score.missed)).toBeGreaterThanOrEqual(0.99);
    expect(score.precision, JSON.stringify(score.falsePositives)).toBeGreaterThanOrEqual(0.98);
  });

  it('on the fresh held-out set (written after tuning): every card, IBAN, e-mail, phone, id, address, expiry and CVV, precision ≥ 98%', () => {
    // Measured once when written: 50 of 52 values (all 32 structured ones; 18 of 20 names), precision 1.0.
    // Names without a cue or a given name the lexicon knows are the known gap; nothing was tuned on these.
    const fresh = loadFreshRedactionSamples();
    const score = scoreRedaction(fresh, redactionSpans);
    expect(score.missed.filter((m) => m.kind !== 'NAME')).toEqual([]);
    expect(score.precision, JSON.stringify(score.falsePositives)).toBeGreaterThanOrEqual(0.98);
    expect(score.items).toBeGreaterThanOrEqual(50);
  });

  it('scores a half-redacted value as a miss and a span over a look-alike as a false positive', () => {
    const sample = parseSample('s', 'en', 'ticket', undefined, "Mail {{EMAIL|sean.o'brien@example.ie}} about {{~|#1042}}.");
    const half = { start: sample.text.indexOf('brien'), end: sample.text.indexOf('.ie') + 3 };
    const order = { start: sample.text.indexOf('#1042'), end: sample.text.indexOf('#1042') + 5 };
    const score = scoreRedaction([sample], () => [half, order]);
    expect(score).toMatchObject({ items: 1, caught: 0, spans: 2, correctSpans: 1, lookAlikesHit: 1 });
  });
});
