// @vitest-environment jsdom
/**
 * The content script's answer to `draft.insert`: only this extension's own pages may ask, the
 * request must match insertDraftMessageSchema, and every answer matches insertDraftReplySchema.
 * Hostile or malformed requests leave the page untouched.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { insertDraftReplySchema } from '../messages/messages';
import {
  answerInsertDraft,
  isDraftInsertRequest,
  NO_COMPOSER_ERROR,
  type InsertDraftTarget,
  type InsertRequestSender,
} from './insertMessage';

const OWN_ID = 'tandem-extension-id';
const SIDE_PANEL: InsertRequestSender = { id: OWN_ID };
const REQUEST = { type: 'draft.insert', draftId: 'd-1', text: 'Your refund is on its way.' };

function page(html = '<div id="composer" contenteditable="true"></div>'): {
  composer: HTMLElement | null;
  target: InsertDraftTarget;
  inserted: unknown[];
} {
  document.body.innerHTML = html;
  const composer = document.querySelector<HTMLElement>('#composer');
  const inserted: unknown[] = [];
  return {
    composer,
    inserted,
    target: { findComposer: () => composer, composerLabel: () => 'Fixture Desk reply box', onInserted: (value) => inserted.push(value) },
  };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('answerInsertDraft', () => {
  it('inserts the draft and names the composer', () => {
    const { composer, target, inserted } = page();

    const reply = answerInsertDraft(REQUEST, SIDE_PANEL, OWN_ID, target);

    expect(reply).toEqual({ ok: true, composer: 'Fixture Desk reply box' });
    expect(composer?.textContent).toBe('Your refund is on its way.');
    expect(inserted).toEqual([
      { composer, message: { type: 'draft.insert', draftId: 'd-1', text: REQUEST.text }, around: { before: '', after: '' } },
    ]);
  });

  it('says how to fix it when no reply box is open', () => {
    const { target } = page('<main>No composer here</main>');

    expect(answerInsertDraft(REQUEST, SIDE_PANEL, OWN_ID, target)).toEqual({ ok: false, error: NO_COMPOSER_ERROR });
    expect(NO_COMPOSER_ERROR).toBe('No reply box is open on this page — open the reply editor and try again');
  });

  it('says the same when the editor left only its wrapper, and names a locked box', () => {
    const wrapper = page('<div id="composer" data-test-id="ticket-rich-text-editor"></div>');
    expect(answerInsertDraft(REQUEST, SIDE_PANEL, OWN_ID, wrapper.target)).toEqual({ ok: false, error: NO_COMPOSER_ERROR });

    const locked = page('<textarea id="composer" readonly></textarea>');
    expect(answerInsertDraft(REQUEST, SIDE_PANEL, OWN_ID, locked.target)).toEqual({
      ok: false,
      error: 'The reply box on this page cannot be edited right now',
    });
  });

  it.each<[string, InsertRequestSender]>([
    ['another extension', { id: 'someone-else' }],
    ['no sender id', {}],
    ['a content script in a tab (a page could steer it)', { id: OWN_ID, tab: { id: 7 } }],
  ])('refuses a request from %s and leaves the page alone', (_label, sender) => {
    const { composer, target, inserted } = page();

    const reply = answerInsertDraft(REQUEST, sender, OWN_ID, target);

    expect(reply).toMatchObject({ ok: false });
    expect(composer?.textContent).toBe('');
    expect(inserted).toEqual([]);
  });

  it.each([
    ['no draft id', { type: 'draft.insert', text: 'Hi' }],
    ['an empty draft id', { type: 'draft.insert', draftId: '', text: 'Hi' }],
    ['an oversized draft id', { type: 'draft.insert', draftId: 'x'.repeat(101), text: 'Hi' }],
    ['an empty text', { type: 'draft.insert', draftId: 'd-1', text: '' }],
    ['a text over 50,000 characters', { type: 'draft.insert', draftId: 'd-1', text: 'x'.repeat(50_001) }],
    ['a text that is not a string', { type: 'draft.insert', draftId: 'd-1', text: { toString: 'boom' } }],
    ['markup instead of text', { type: 'draft.insert', draftId: 'd-1', html: '<img src=x onerror=alert(1)>' }],
  ])('rejects a request with %s', (_label, raw) => {
    const { composer, target } = page();

    const reply = answerInsertDraft(raw, SIDE_PANEL, OWN_ID, target);

    expect(reply).toEqual({ ok: false, error: 'Invalid draft.insert message' });
    expect(composer?.innerHTML).toBe('');
  });

  it('ignores messages that are not draft.insert, for other listeners', () => {
    const { target } = page();

    for (const raw of [undefined, null, 'draft.insert', 42, { type: 'ticket.opened' }, { kind: 'draft.insert' }]) {
      expect(answerInsertDraft(raw, SIDE_PANEL, OWN_ID, target)).toBeUndefined();
      expect(isDraftInsertRequest(raw)).toBe(false);
    }
  });

  it('keeps every answer within the reply schema, even a long label or a throwing editor', () => {
    const { composer, target } = page();
    const longLabel = { ...target, composerLabel: () => 'L'.repeat(500) };
    const reply = answerInsertDraft(REQUEST, SIDE_PANEL, OWN_ID, longLabel);
    expect(insertDraftReplySchema.safeParse(reply).success).toBe(true);

    composer?.addEventListener('input', () => {
      throw new Error('editor exploded');
    });
    vi.spyOn(composer as HTMLElement, 'focus').mockImplementation(() => {
      throw new Error(`editor ${'exploded '.repeat(100)}`);
    });
    const failed = answerInsertDraft(REQUEST, SIDE_PANEL, OWN_ID, target);
    expect(failed).toMatchObject({ ok: false });
    expect(insertDraftReplySchema.safeParse(failed).success).toBe(true);
  });

  it('inserts hostile-looking text as text', () => {
    const { composer, target } = page();

    answerInsertDraft({ ...REQUEST, text: '<script>alert(1)</script>' }, SIDE_PANEL, OWN_ID, target);

    expect(composer?.querySelector('script')).toBeNull();
    expect(composer?.textContent).toBe('<script>alert(1)</script>');
  });
});
