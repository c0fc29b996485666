/**
 * Puts a draft into a site's reply box the way typing would: focus it, place the caret at the end
 * of the agent's own text (or keep their selection, which the draft replaces), then insert with
 * `document.execCommand('insertText')`, so the site's editor sees a normal edit and its undo
 * stack can take the draft back out. Where execCommand is missing or refused, the text is set
 * directly and an InputEvent tells the site's framework about it. Text only: never markup.
 */

/** What the insertion left around the draft, so the outcome watcher can tell the draft apart later. */
export interface InsertedAround {
  /** The composer's text before the draft (see `composerText`). */
  before: string;
  /** The composer's text after the draft: a signature, quoted history. */
  after: string;
}

export type InsertDraftResult =
  | { ok: true; via: 'execCommand' | 'fallback'; around: InsertedAround }
  /** `closed`: no box to type in (gone, or an editor's wrapper with nothing editable); `locked`: a disabled or read-only box. */
  | { ok: false; reason: 'closed' | 'locked'; error: string };

/**
 * Trailing parts of a rich composer that belong after the agent's words: Gmail's signature and
 * its folded quoted history. The caret goes before the first of them, not after.
 */
const TRAILING_BLOCKS = '.gmail_signature, [data-smartmail="gmail_signature"], .gmail_quote';

type TextControl = HTMLTextAreaElement | HTMLInputElement;

/** By tag, not `instanceof`: the element may come from another realm (a content script's isolated world, jsdom). */
function asTextControl(element: HTMLElement): TextControl | undefined {
  const tag = element.tagName.toUpperCase();
  return tag === 'TEXTAREA' || tag === 'INPUT' ? (element as TextControl) : undefined;
}

/** `isContentEditable` follows inheritance; jsdom lacks it, so the attribute is read as a fallback. */
function isContentEditable(element: HTMLElement): boolean {
  if (element.isContentEditable) return true;
  const value = element.closest('[contenteditable]')?.getAttribute('contenteditable')?.toLowerCase();
  return value === '' || value === 'true' || value === 'plaintext-only';
}

/** The composer's plain text: a text control's value, an editable element's text content. */
export function composerText(composer: HTMLElement): string {
  return asTextControl(composer)?.value ?? composer.textContent ?? '';
}

/** Whether the agent could type into this element right now. */
export function isEditableComposer(composer: HTMLElement): boolean {
  const control = asTextControl(composer);
  if (control !== undefined) return !control.disabled && !control.readOnly;
  return isContentEditable(composer);
}

/** `execCommand` is deprecated and absent outside browsers (jsdom, linkedom); a throw counts as refused. */
function execInsertText(doc: Document, text: string): boolean {
  if (typeof doc.execCommand !== 'function') return false;
  try {
    return doc.execCommand('insertText', false, text);
  } catch {
    return false;
  }
}

function announceInput(target: HTMLElement, text: string): void {
  const InputEventImpl = target.ownerDocument.defaultView?.InputEvent ?? InputEvent;
  target.dispatchEvent(new InputEventImpl('input', { bubbles: true, inputType: 'insertText', data: text }));
}

/**
 * Sets a text control's value through its prototype's setter: frameworks such as React track the
 * instance's own `value` and would otherwise overwrite the change on their next render.
 */
function setControlValue(control: TextControl, value: string): void {
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(control) as object, 'value')?.set;
  if (setter === undefined) control.value = value;
  else setter.call(control, value);
}

function insertIntoControl(control: TextControl, text: string): InsertDraftResult {
  control.focus();
  const length = control.value.length;
  // A selection the agent made is replaced; otherwise the draft follows what is already there.
  const start = control.selectionStart ?? length;
  const end = control.selectionEnd ?? length;
  if (start === end) control.setSelectionRange(length, length);
  const from = start === end ? length : start;
  const to = start === end ? length : end;
  const original = control.value;
  const around: InsertedAround = { before: original.slice(0, from), after: original.slice(to) };

  if (execInsertText(control.ownerDocument, text) && control.value !== original) return { ok: true, via: 'execCommand', around };

  setControlValue(control, `${original.slice(0, from)}${text}${original.slice(to)}`);
  // An <input> drops line breaks from its value; the caret goes after whatever was kept.
  const caret = control.value.length - around.after.length;
  control.setSelectionRange(caret, caret);
  announceInput(control, text);
  return { ok: true, via: 'fallback', around };
}

/** The agent's selection when it lies inside the composer and is not just a caret. */
function selectionInside(composer: HTMLElement, selection: Selection | null): Range | undefined {
  if (selection === null || selection.rangeCount === 0) return undefined;
  const range = selection.getRangeAt(0);
  if (range.collapsed || !composer.contains(range.commonAncestorContainer)) return undefined;
  return range;
}

/** A caret at the end of the agent's text: before a trailing signature or quoted history, else at the very end. */
function caretAtEnd(composer: HTMLElement): Range {
  const range = composer.ownerDocument.createRange();
  const trailing = Array.from(composer.children).find(
    (child) => child.matches(TRAILING_BLOCKS) || child.querySelector(TRAILING_BLOCKS) !== null,
  );
  if (trailing === undefined) {
    range.selectNodeContents(composer);
    range.collapse(false);
  } else {
    range.setStartBefore(trailing);
    range.collapse(true);
  }
  return range;
}

/** Text of the composer on either side of `range` (what stays around the draft). */
function textAround(composer: HTMLElement, range: Range): InsertedAround {
  const before = composer.ownerDocument.createRange();
  before.selectNodeContents(composer);
  before.setEnd(range.startContainer, range.startOffset);
  const after = composer.ownerDocument.createRange();
  after.selectNodeContents(composer);
  after.setStart(range.endContainer, range.endOffset);
  return { before: before.toString(), after: after.toString() };
}

/** Lines as text nodes joined by <br>, so a multi-line draft keeps its breaks in an editable element. */
function textFragment(doc: Document, text: string): DocumentFragment {
  const fragment = doc.createDocumentFragment();
  text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .forEach((line, index) => {
      if (index > 0) fragment.append(doc.createElement('br'));
      if (line !== '') fragment.append(doc.createTextNode(line));
    });
  return fragment;
}

function insertIntoEditable(composer: HTMLElement, text: string): InsertDraftResult {
  const doc = composer.ownerDocument;
  const selection = doc.getSelection();
  const range = selectionInside(composer, selection)?.cloneRange() ?? caretAtEnd(composer);
  const around = textAround(composer, range);
  composer.focus();
  // Focusing may move the selection (to the start, or where the agent last clicked): set it again.
  selection?.removeAllRanges();
  selection?.addRange(range);

  const original = composerText(composer);
  if (execInsertText(doc, text) && composerText(composer) !== original) return { ok: true, via: 'execCommand', around };

  range.deleteContents();
  const fragment = textFragment(doc, text);
  const last = fragment.lastChild;
  range.insertNode(fragment);
  if (last !== null) {
    const caret = doc.createRange();
    caret.setStartAfter(last);
    caret.collapse(true);
    selection?.removeAllRanges();
    selection?.addRange(caret);
  }
  announceInput(composer, text);
  return { ok: true, via: 'fallback', around };
}

export function insertDraft(composer: HTMLElement, text: string): InsertDraftResult {
  if (!composer.isConnected) return { ok: false, reason: 'closed', error: 'The reply box is no longer on the page' };
  const control = asTextControl(composer);
  if (control === undefined && !isContentEditable(composer)) {
    return { ok: false, reason: 'closed', error: 'The reply editor on this page has nothing to type in' };
  }
  if (!isEditableComposer(composer)) return { ok: false, reason: 'locked', error: 'The reply box on this page cannot be edited right now' };
  return control === undefined ? insertIntoEditable(composer, text) : insertIntoControl(control, text);
}
