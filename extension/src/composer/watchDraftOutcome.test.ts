// @vitest-environment jsdom
/**
 * Following an inserted draft to its end in a jsdom page: a composer removed on send (Gmail), one
 * emptied on send (Zendesk, Salesforce, a textarea reset from script), a draft the agent deleted
 * themselves, and text around the draft (a signature) that is not counted as the agent's edit.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClassifiedOutcome } from './draftOutcome';
import { insertDraft, type InsertedAround } from './insertDraft';
import { watchDraftOutcome, type DraftOutcomeWatch } from './watchDraftOutcome';

const DRAFT = 'Thanks for waiting.\nYour refund is on its way.';

let reports: ClassifiedOutcome[];
let watch: DraftOutcomeWatch | undefined;

function mount(html: string): HTMLElement {
  document.body.innerHTML = html;
  const composer = document.querySelector<HTMLElement>('#composer');
  if (composer === null) throw new Error('no #composer');
  return composer;
}

function insertAndWatch(composer: HTMLElement, draft = DRAFT): InsertedAround {
  const result = insertDraft(composer, draft);
  if (!result.ok) throw new Error(result.error);
  watch = watchDraftOutcome({ composer, draft, around: result.around, report: (outcome) => reports.push(outcome) });
  return result.around;
}

/** What a person's typing looks like to the page: the text changes, then an input event. */
function agentTypes(composer: HTMLElement, text: string): void {
  composer.textContent = text;
  composer.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText' }));
}

beforeEach(() => {
  vi.useFakeTimers();
  reports = [];
});

afterEach(() => {
  watch?.stop();
  watch = undefined;
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('watchDraftOutcome', () => {
  it('reports sent-as-is when the composer leaves the page with the draft untouched', async () => {
    const composer = mount('<div class="M9"><div id="composer" contenteditable="true"></div></div>');
    insertAndWatch(composer);

    composer.closest('.M9')?.remove();
    await vi.advanceTimersByTimeAsync(600);

    expect(reports).toEqual([{ outcome: 'sent-as-is', keptRatio: 1 }]);
  });

  it('reports sent-edited with the kept share after the agent edited and the site cleared the box', async () => {
    const composer = mount('<div id="composer" contenteditable="true"></div>');
    insertAndWatch(composer);

    agentTypes(composer, 'Thanks for waiting, Ada. Your refund is on its way.');
    await vi.advanceTimersByTimeAsync(10);
    // The site empties the composer after sending, from script: no input event.
    composer.textContent = '';
    await vi.advanceTimersByTimeAsync(10);

    expect(reports).toHaveLength(1);
    expect(reports[0]?.outcome).toBe('sent-edited');
    expect(reports[0]?.keptRatio).toBe(1);
  });

  it('counts what the agent cut as lost', async () => {
    const composer = mount('<div id="composer" contenteditable="true"></div>');
    insertAndWatch(composer);

    agentTypes(composer, 'Your refund is on its way.');
    await vi.advanceTimersByTimeAsync(10);
    composer.remove();
    await vi.advanceTimersByTimeAsync(600);

    expect(reports[0]?.outcome).toBe('sent-edited');
    expect(reports[0]?.keptRatio).toBeCloseTo(21 / 38, 2);
  });

  it('sees a textarea reset from script through its poll', async () => {
    const composer = mount('<textarea id="composer"></textarea>');
    insertAndWatch(composer);

    (composer as HTMLTextAreaElement).value = '';
    await vi.advanceTimersByTimeAsync(600);

    expect(reports).toEqual([{ outcome: 'sent-as-is', keptRatio: 1 }]);
  });

  it('reports discarded when the agent deleted the draft and the composer then closed', async () => {
    const composer = mount('<div id="composer" contenteditable="true"></div>');
    insertAndWatch(composer);

    agentTypes(composer, '');
    await vi.advanceTimersByTimeAsync(600);
    expect(reports).toEqual([]);

    composer.remove();
    await vi.advanceTimersByTimeAsync(600);
    expect(reports).toEqual([{ outcome: 'discarded', keptRatio: 0 }]);
  });

  it('does not count a signature below the draft as an edit, and sees the send when only it is left', async () => {
    const composer = mount('<div id="composer" contenteditable="true"><div class="gmail_signature">-- Priya</div></div>');
    insertAndWatch(composer);
    expect(composer.textContent).toBe(`Thanks for waiting.Your refund is on its way.-- Priya`);

    // The site resets the composer to its signature after sending.
    composer.innerHTML = '<div class="gmail_signature">-- Priya</div>';
    await vi.advanceTimersByTimeAsync(10);

    expect(reports).toEqual([{ outcome: 'sent-as-is', keptRatio: 1 }]);
  });

  it('reports once, and nothing after stop', async () => {
    const composer = mount('<div id="composer" contenteditable="true"></div>');
    insertAndWatch(composer);
    composer.textContent = '';
    await vi.advanceTimersByTimeAsync(10);
    composer.remove();
    await vi.advanceTimersByTimeAsync(2000);
    expect(reports).toHaveLength(1);

    const other = mount('<div id="composer" contenteditable="true"></div>');
    insertAndWatch(other);
    watch?.stop();
    other.remove();
    await vi.advanceTimersByTimeAsync(2000);
    expect(reports).toHaveLength(1);
  });

  it('gives up silently on a reply left open for hours', async () => {
    const composer = mount('<div id="composer" contenteditable="true"></div>');
    insertAndWatch(composer);

    await vi.advanceTimersByTimeAsync(6 * 60 * 60 * 1000 + 1000);
    composer.remove();
    await vi.advanceTimersByTimeAsync(1000);

    expect(reports).toEqual([]);
  });
});
