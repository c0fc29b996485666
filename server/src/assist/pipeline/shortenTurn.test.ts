// Long messages are cut with a mark for the model, at a word, never through a placeholder or
// past an unredacted value.
import { describe, expect, it } from 'vitest';
import { PiiVault } from '../../security/redactPii.js';
import { SHORTENED_MARK, shortenTurn } from './shortenTurn.js';

const redact = (text: string) => new PiiVault().redact(text);

describe('shortenTurn', () => {
  it('redacts a message within the bound and leaves it whole', () => {
    expect(shortenTurn('Write to ana@example.org', 100, redact)).toEqual({ text: 'Write to [EMAIL_1]', shortened: false });
  });

  it('cuts a long message at a word and marks the cut', () => {
    const { text, shortened } = shortenTurn('word '.repeat(1000), 100, redact);
    expect(shortened).toBe(true);
    expect(text).toBe(`${'word '.repeat(20).trimEnd()} ${SHORTENED_MARK}`);
  });

  it('cuts one giant word at the bound', () => {
    expect(shortenTurn('a'.repeat(20_000), 4000, redact).text).toBe(`${'a'.repeat(4000)} ${SHORTENED_MARK}`);
  });

  it('never lets a value that straddles the bound through half-redacted', () => {
    const email = 'maria.garcia.lopez@example.org';
    for (let at = 3970; at <= 4010; at += 5) {
      const body = `${'x'.repeat(at)} ${email} ${'y '.repeat(3000)}`;
      const { text } = shortenTurn(body, 4000, redact);
      expect(text).not.toMatch(/maria|garcia|example\.org/);
      expect(text.length).toBeLessThanOrEqual(4000 + SHORTENED_MARK.length + 1);
    }
  });

  it('moves the cut before a placeholder it would split', () => {
    const body = `${'x'.repeat(3995)}[EMAIL_1]${'z'.repeat(5000)}`;
    expect(shortenTurn(body, 4000, (t) => t).text).toBe(`${'x'.repeat(3995)} ${SHORTENED_MARK}`);
  });
});
