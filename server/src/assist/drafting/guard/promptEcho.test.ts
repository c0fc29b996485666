// A draft that repeats the system policy verbatim is caught; a reply in its own words is not.
import { describe, expect, it } from 'vitest';
import { PromptEcho } from './promptEcho.js';

const policy =
  'You draft replies for a customer support agent. Answer only from the numbered knowledge passages and the live facts in the user message.';

describe('PromptEcho', () => {
  it('finds eight words in a row from the policy, in any case and with other punctuation', () => {
    const echo = new PromptEcho(policy);
    expect(echo.echoes('My rules: answer ONLY from the numbered knowledge-passages, and the live facts.')).toBe(true);
    expect(echo.echoes('Sure. You draft replies for a customer support agent')).toBe(true);
  });

  it('does not flag a reply that shares shorter phrases with it', () => {
    const echo = new PromptEcho(policy);
    expect(echo.echoes('Our support agent will answer from the knowledge we have about your order.')).toBe(false);
    expect(echo.echoes('The customer support team replies within a day.')).toBe(false);
  });

  it('follows a run across the sentences of a stream, so short pieces of an echo are caught too', () => {
    const echo = new PromptEcho(policy);
    expect(echo.next('Here you go: you draft replies for a customer support agent.')).toBe(true);
    expect(echo.next('Answer only from the.')).toBe(true);
    expect(echo.next('Thanks for your patience, Ana.')).toBe(false);
    // Alone, the short piece shares too few words to tell.
    expect(new PromptEcho(policy).echoes('Answer only from the.')).toBe(false);
  });

  it('flags nothing when there is no policy', () => {
    expect(new PromptEcho('').echoes(policy)).toBe(false);
  });
});
