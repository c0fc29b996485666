// @vitest-environment jsdom
/**
 * Inserting a draft into a composer: through execCommand where the browser has it (stubbed here:
 * jsdom has none), else by setting the text and announcing an InputEvent. Line breaks survive in
 * editable elements, the agent's selection is replaced, and a signature stays below the draft.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { composerText, insertDraft } from './insertDraft';

function mount(html: string): HTMLElement {
  document.body.innerHTML = html;
  const composer = document.querySelector<HTMLElement>('#composer');
  if (composer === null) throw new Error('no #composer');
  return composer;
}

/** Records the input events a site's framework would see. */
function inputEvents(target: HTMLElement): InputEvent[] {
  const events: InputEvent[] = [];
  target.addEventListener('input', (event) => events.push(event as InputEvent));
  return events;
}

/** A browser-like execCommand for one test: inserts at the selection of a contenteditable, like Chrome. */
function stubExecCommand(implementation: (command: string, showUi: boolean, value: string) => boolean) {
  Object.defineProperty(document, 'execCommand', { value: vi.fn(implementation), configurable: true, writable: true });
}

afterEach(() => {
  Reflect.deleteProperty(document, 'execCommand');
  document.body.innerHTML = '';
});

describe('insertDraft into an editable element (fallback)', () => {
  it('appends after the existing text, keeping line breaks as <br>, and announces an InputEvent', () => {
    const composer = mount('<div id="composer" contenteditable="true">Hi Ada,</div>');
    const events = inputEvents(composer);

    const result = insertDraft(composer, 'Thanks for waiting.\nYour refund is on its way.\n\nGrace');

    expect(result).toEqual({ ok: true, via: 'fallback', around: { before: 'Hi Ada,', after: '' } });
    expect(composer.innerHTML).toBe('Hi Ada,Thanks for waiting.<br>Your refund is on its way.<br><br>Grace');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      inputType: 'insertText',
      data: 'Thanks for waiting.\nYour refund is on its way.\n\nGrace',
      bubbles: true,
    });
    expect(document.activeElement).toBe(composer);
  });

  it('leaves the caret after the draft', () => {
    const composer = mount('<div id="composer" contenteditable="true"></div>');

    insertDraft(composer, 'one\ntwo');

    const range = document.getSelection()?.getRangeAt(0);
    expect(range?.collapsed).toBe(true);
    expect(range?.startContainer).toBe(composer);
    expect(range?.startOffset).toBe(composer.childNodes.length);
  });

  it('replaces what the agent selected inside the composer', () => {
    const composer = mount('<div id="composer" contenteditable="true">Dear PLACEHOLDER, bye</div>');
    const text = composer.firstChild as Text;
    const range = document.createRange();
    range.setStart(text, 5);
    range.setEnd(text, 16);
    document.getSelection()?.removeAllRanges();
    document.getSelection()?.addRange(range);

    const result = insertDraft(composer, 'Ada');

    expect(composer.textContent).toBe('Dear Ada, bye');
    expect(result).toMatchObject({ ok: true, around: { before: 'Dear ', after: ', bye' } });
  });

  it('ignores a selection outside the composer and puts the draft at its end', () => {
    const composer = mount('<p id="outside">page text</p><div id="composer" contenteditable="true">Hello</div>');
    const range = document.createRange();
    range.selectNodeContents(document.getElementById('outside') as HTMLElement);
    document.getSelection()?.addRange(range);

    insertDraft(composer, ' world');

    expect(composer.textContent).toBe('Hello world');
    expect(document.getElementById('outside')?.textContent).toBe('page text');
  });

  it("goes above Gmail's signature and quoted history", () => {
    const composer = mount(
      '<div id="composer" contenteditable="true"><br><div class="gmail_signature">-- Priya</div><div class="gmail_quote">On Mon Tomasz wrote:</div></div>',
    );

    const result = insertDraft(composer, 'A new mount is on its way.');

    expect(composer.innerHTML).toBe(
      '<br>A new mount is on its way.<div class="gmail_signature">-- Priya</div><div class="gmail_quote">On Mon Tomasz wrote:</div>',
    );
    expect(result).toMatchObject({ ok: true, around: { before: '', after: '-- PriyaOn Mon Tomasz wrote:' } });
  });

  it('inserts markup-looking text as text, creating no elements', () => {
    const composer = mount('<div id="composer" contenteditable="true"></div>');

    insertDraft(composer, '<img src=x onerror=alert(1)><script>alert(2)</script>');

    expect(composer.querySelector('img, script')).toBeNull();
    expect(composer.textContent).toBe('<img src=x onerror=alert(1)><script>alert(2)</script>');
  });

  it('works inside a nested editable region', () => {
    const composer = mount('<div contenteditable="true"><p id="composer">Hi</p></div>');

    expect(insertDraft(composer, ' there')).toMatchObject({ ok: true });
    expect(composer.textContent).toBe('Hi there');
  });
});

describe('insertDraft into a textarea or input (fallback)', () => {
  it('appends to a textarea, keeps line breaks, moves the caret and announces an InputEvent', () => {
    const composer = mount('<textarea id="composer">Hi Ada,\n</textarea>');
    const events = inputEvents(composer);

    const result = insertDraft(composer, 'Refund sent.\nGrace');

    const textarea = composer as HTMLTextAreaElement;
    expect(result).toEqual({ ok: true, via: 'fallback', around: { before: 'Hi Ada,\n', after: '' } });
    expect(textarea.value).toBe('Hi Ada,\nRefund sent.\nGrace');
    expect([textarea.selectionStart, textarea.selectionEnd]).toEqual([textarea.value.length, textarea.value.length]);
    expect(events.map((event) => event.inputType)).toEqual(['insertText']);
  });

  it('replaces the selected part of a textarea', () => {
    const composer = mount('<textarea id="composer">Dear X, thanks</textarea>');
    (composer as HTMLTextAreaElement).setSelectionRange(5, 6);

    insertDraft(composer, 'Ada');

    expect((composer as HTMLTextAreaElement).value).toBe('Dear Ada, thanks');
    expect((composer as HTMLTextAreaElement).selectionStart).toBe(8);
  });

  it('goes through the prototype setter, so a framework tracking the instance value sees the change', () => {
    const composer = mount('<input id="composer" value="" />') as HTMLInputElement;
    let frameworkValue = '';
    // React-style value tracking: an own property shadowing the prototype's accessor.
    Object.defineProperty(composer, 'value', {
      configurable: true,
      get: () => frameworkValue,
      set: (value: string) => {
        frameworkValue = value;
      },
    });

    insertDraft(composer, 'Order 5512');

    const native = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.get?.call(composer);
    expect(native).toBe('Order 5512');
  });

  it('refuses a disabled or read-only box', () => {
    expect(insertDraft(mount('<textarea id="composer" disabled></textarea>'), 'x')).toMatchObject({ ok: false, reason: 'locked' });
    expect(insertDraft(mount('<textarea id="composer" readonly></textarea>'), 'x')).toEqual({
      ok: false,
      reason: 'locked',
      error: 'The reply box on this page cannot be edited right now',
    });
  });

  it('calls an editor wrapper with nothing editable inside closed', () => {
    const composer = mount('<div id="composer">an editor wrapper</div>');

    expect(insertDraft(composer, 'x')).toMatchObject({ ok: false, reason: 'closed' });
    expect(composer.textContent).toBe('an editor wrapper');
  });

  it('refuses a composer no longer in the page', () => {
    const composer = mount('<div id="composer" contenteditable="true"></div>');
    composer.remove();

    expect(insertDraft(composer, 'x')).toMatchObject({ ok: false, reason: 'closed' });
  });
});

describe('insertDraft through execCommand', () => {
  it('uses insertText when the browser performs it, and does not insert twice', () => {
    const composer = mount('<div id="composer" contenteditable="true">Hi</div>');
    const events = inputEvents(composer);
    stubExecCommand((command, _showUi, value) => {
      const range = document.getSelection()?.getRangeAt(0);
      range?.insertNode(document.createTextNode(value));
      return command === 'insertText';
    });

    const result = insertDraft(composer, ' there');

    expect(result).toMatchObject({ ok: true, via: 'execCommand' });
    expect(document.execCommand).toHaveBeenCalledWith('insertText', false, ' there');
    expect(composer.textContent).toBe('Hi there');
    // The browser's own input event is the site's signal; Tandem adds none.
    expect(events).toHaveLength(0);
  });

  it('falls back when execCommand is refused', () => {
    const composer = mount('<textarea id="composer"></textarea>');
    stubExecCommand(() => false);

    expect(insertDraft(composer, 'Hello')).toMatchObject({ ok: true, via: 'fallback' });
    expect(composerText(composer)).toBe('Hello');
  });

  it('falls back when execCommand claims success but changes nothing, or throws', () => {
    const composer = mount('<div id="composer" contenteditable="true"></div>');
    stubExecCommand(() => true);
    expect(insertDraft(composer, 'one')).toMatchObject({ ok: true, via: 'fallback' });

    stubExecCommand(() => {
      throw new Error('SecurityError');
    });
    expect(insertDraft(composer, ' two')).toMatchObject({ ok: true, via: 'fallback' });
    expect(composerText(composer)).toBe('one two');
  });
});
