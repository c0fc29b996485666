// @vitest-environment jsdom
// Streamed answers reach screen readers a sentence at a time, each part once, never the whole text
// again on every token.
import { beforeEach, describe, expect, it } from 'vitest';
import { completedUpTo, LiveAnnouncer } from './liveAnnouncer.js';

let region: HTMLElement;
let announcer: LiveAnnouncer;
const heard = () => Array.from(region.children, (p) => p.textContent);

beforeEach(() => {
  region = document.createElement('div');
  announcer = new LiveAnnouncer(region);
});

describe('LiveAnnouncer', () => {
  it('finds complete sentences only', () => {
    expect(completedUpTo('Returns take 30 days. Refunds')).toBe('Returns take 30 days.'.length);
    expect(completedUpTo('It costs 4.90 EUR')).toBe(0);
    expect(completedUpTo('Done.')).toBe(0);
  });

  it('announces each sentence once as tokens arrive, then only the rest of the answer', () => {
    let draft = '';
    for (const token of ['You can ', 'return boots ', 'within 30 days. ', 'Refunds take ', '5 business ', 'days. Store ', 'credit']) {
      draft += token;
      announcer.progress(draft);
    }
    expect(heard()).toEqual(['You can return boots within 30 days.', 'Refunds take 5 business days.']);
    announcer.finish(`${draft} is instant [1].`);
    expect(heard()).toEqual(['You can return boots within 30 days.', 'Refunds take 5 business days.', 'Store credit is instant [1].']);
  });

  it('announces the whole answer when it differs from what was streamed, and starts over after a retract', () => {
    announcer.progress('First try. ');
    announcer.cancel();
    announcer.progress('Second try. ');
    announcer.finish('A different final answer.');
    expect(heard()).toEqual(['First try.', 'Second try.', 'A different final answer.']);
  });

  it('keeps only the last few paragraphs in the region', () => {
    for (let i = 0; i < 10; i++) announcer.say(`Message ${i}`);
    expect(heard()).toEqual(['Message 6', 'Message 7', 'Message 8', 'Message 9']);
  });
});
