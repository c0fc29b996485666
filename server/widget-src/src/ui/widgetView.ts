/**
 * The widget on screen, inside its shadow root: the launcher button, and the panel (a labelled
 * dialog) with who is answering, the greeting, the transcript, the typing indicator, suggested
 * questions, the rating prompt, "talk to a person" and the composer. It turns a ViewModel into
 * DOM and visitor actions into callbacks; the controller (widget.ts) owns what happens.
 * Keyboard: the launcher is a button (Enter and Space open it), Escape closes the panel and focus
 * goes back to the launcher, Tab stays inside the open panel.
 */
import type { WidgetConfig } from '@tandem/shared';
import { answerer, wantsRating, type ConversationState } from '../state/conversationState.js';
import { h, setAttribute } from './dom.js';
import { trapTab } from './focusTrap.js';
import { LiveAnnouncer } from './liveAnnouncer.js';
import { MessageList } from './messageList.js';
import { STYLES } from './styles.js';
import { TEXTS } from './texts.js';
import { themeVariables } from './theme.js';

export interface ViewModel {
  state: ConversationState;
  open: boolean;
  /** Something new arrived while the panel was closed. */
  unread: boolean;
  /** A message is on its way (the composer waits). */
  sending: boolean;
  /** A problem to show under the transcript (sending failed, offline…). */
  status: string | undefined;
  /** The rating was just given (a thank-you shows instead of the prompt). */
  thanked: boolean;
}

export interface ViewActions {
  open(): void;
  close(): void;
  send(text: string): void;
  /** The composer's text changed (the visitor is typing). */
  typing(text: string): void;
  talkToPerson(): void;
  rate(score: number): void;
  newConversation(): void;
}

const CHAT_ICON = 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2z';

function icon(doc: Document): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = doc.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const path = doc.createElementNS(ns, 'path');
  path.setAttribute('d', CHAT_ICON);
  svg.appendChild(path);
  return svg;
}

export class WidgetView {
  readonly launcher: HTMLButtonElement;
  readonly panel: HTMLElement;
  readonly input: HTMLTextAreaElement;
  private readonly root: HTMLDivElement;
  private readonly badge: HTMLSpanElement;
  private readonly who: HTMLParagraphElement;
  private readonly list: MessageList;
  private readonly typing: HTMLDivElement;
  private readonly suggestions: HTMLDivElement;
  private readonly rating: HTMLDivElement;
  private readonly status: HTMLParagraphElement;
  private readonly human: HTMLButtonElement;
  private readonly composer: HTMLFormElement;
  private readonly sendButton: HTMLButtonElement;
  private readonly restart: HTMLButtonElement;
  private readonly body: HTMLDivElement;
  private readonly announcer: LiveAnnouncer;
  private last: ViewModel | undefined;

  constructor(
    private readonly shadow: ShadowRoot,
    host: HTMLElement,
    private readonly config: WidgetConfig,
    private readonly actions: ViewActions,
  ) {
    const doc = host.ownerDocument;
    const theme = config.theme;
    for (const [name, value] of Object.entries(themeVariables(theme))) host.style.setProperty(name, value);
    setAttribute(host, 'data-scheme', theme.colorScheme);
    setAttribute(host, 'data-position', theme.position);

    this.badge = h(doc, 'span', { class: 'badge', hidden: true });
    this.launcher = h(doc, 'button', {
      type: 'button',
      class: 'launcher',
      'aria-haspopup': 'dialog',
      'aria-controls': 'tw-panel',
      'aria-expanded': 'false',
      'aria-label': TEXTS.openChat,
    });
    this.launcher.append(icon(doc), this.badge);

    this.who = h(doc, 'p', { class: 'who', id: 'tw-who' });
    const close = h(doc, 'button', { type: 'button', class: 'close', 'aria-label': TEXTS.closeChat }, '×');
    const head = h(
      doc,
      'div',
      { class: 'head accent-area' },
      h(doc, 'div', {}, h(doc, 'h2', { id: 'tw-title' }, theme.title), this.who),
      close,
    );

    this.list = new MessageList(doc, h(doc, 'ol', { class: 'log', 'aria-label': TEXTS.conversation }));
    this.typing = h(
      doc,
      'div',
      { class: 'typing', hidden: true },
      h(doc, 'span', { class: 'dots', 'aria-hidden': 'true' }, h(doc, 'span'), h(doc, 'span'), h(doc, 'span')),
      TEXTS.typing,
    );
    this.suggestions = h(doc, 'div', { class: 'suggestions', role: 'group', 'aria-label': TEXTS.suggestions, hidden: true });
    for (const question of config.suggestedQuestions) {
      const chip = h(doc, 'button', { type: 'button', class: 'chip' }, question);
      chip.addEventListener('click', () => this.actions.send(question));
      this.suggestions.append(chip);
    }
    this.rating = this.ratingPrompt(doc);
    this.status = h(doc, 'p', { class: 'status', role: 'alert', hidden: true });
    const greeting = theme.greeting === '' ? undefined : h(doc, 'p', { class: 'greeting' }, theme.greeting);
    this.body = h(doc, 'div', { class: 'body' }, greeting, this.list.element, this.typing, this.suggestions, this.rating, this.status);

    this.human = h(doc, 'button', { type: 'button', class: 'human-btn' }, TEXTS.talkToPerson);
    this.input = h(doc, 'textarea', {
      id: 'tw-input',
      rows: '1',
      maxlength: String(config.limits.messageChars),
      placeholder: TEXTS.placeholder,
      autocomplete: 'off',
    });
    this.sendButton = h(doc, 'button', { type: 'submit', class: 'send' }, TEXTS.send);
    this.composer = h(
      doc,
      'form',
      { class: 'composer' },
      h(doc, 'label', { for: 'tw-input', class: 'sr-only' }, TEXTS.messageLabel),
      this.input,
      this.sendButton,
    );
    this.restart = h(doc, 'button', { type: 'button', class: 'restart', hidden: true }, TEXTS.newConversation);
    const foot = h(doc, 'div', { class: 'foot' }, this.human, this.composer, this.restart);

    const live = h(doc, 'div', { class: 'sr-only', 'aria-live': 'polite', 'aria-relevant': 'additions' });
    this.announcer = new LiveAnnouncer(live);
    this.panel = h(
      doc,
      'div',
      {
        id: 'tw-panel',
        class: 'panel',
        role: 'dialog',
        'aria-modal': 'true',
        'aria-labelledby': 'tw-title',
        'aria-describedby': 'tw-who',
        hidden: true,
      },
      head,
      this.body,
      foot,
      live,
    );
    this.root = h(doc, 'div', { class: 'root' }, this.panel, this.launcher);

    const sheet = this.stylesheet();
    if (sheet !== undefined) shadow.adoptedStyleSheets = [sheet];
    else shadow.append(h(doc, 'style', {}, STYLES));
    shadow.append(this.root);

    this.launcher.addEventListener('click', () => (this.last?.open === true ? this.actions.close() : this.actions.open()));
    close.addEventListener('click', () => this.actions.close());
    this.human.addEventListener('click', () => this.actions.talkToPerson());
    this.restart.addEventListener('click', () => this.actions.newConversation());
    this.composer.addEventListener('submit', (event) => {
      event.preventDefault();
      this.submit();
    });
    this.input.addEventListener('input', () => this.actions.typing(this.input.value));
    this.input.addEventListener('keydown', (event) => {
      // Enter sends, Shift+Enter is a new line (and a composing IME keeps its Enter).
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        this.submit();
      }
    });
    this.panel.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        this.actions.close();
      } else trapTab(event, this.panel, this.shadow);
    });
  }

  /** A constructed stylesheet, which pages whose CSP forbids inline styles still apply; a <style> where unsupported. */
  private stylesheet(): CSSStyleSheet | undefined {
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(STYLES);
      return sheet;
    } catch {
      return undefined;
    }
  }

  private ratingPrompt(doc: Document): HTMLDivElement {
    const stars = h(doc, 'div', { class: 'stars' });
    for (let score = 1; score <= 5; score++) {
      const star = h(doc, 'button', { type: 'button', class: 'star', 'aria-label': TEXTS.rate(score) }, `${score} ★`);
      star.addEventListener('click', () => this.actions.rate(score));
      stars.append(star);
    }
    return h(
      doc,
      'div',
      { class: 'rating', role: 'group', 'aria-labelledby': 'tw-rate', hidden: true },
      h(doc, 'p', { id: 'tw-rate' }, TEXTS.ratingPrompt),
      stars,
      h(doc, 'p', { class: 'thanks', hidden: true }, TEXTS.ratingThanks),
    );
  }

  private submit(): void {
    const text = this.input.value.trim();
    if (text === '' || this.last?.sending === true) return;
    this.input.value = '';
    this.actions.send(text);
  }

  /** Puts text back in the composer (a message that could not be sent). */
  restore(text: string): void {
    if (this.input.value.trim() === '') this.input.value = text;
  }

  focusInput(): void {
    if (!this.composer.hidden) this.input.focus();
    else this.restart.focus();
  }

  focusLauncher(): void {
    this.launcher.focus();
  }

  render(model: ViewModel): void {
    const previous = this.last;
    this.last = model;
    const { state } = model;
    this.root.classList.toggle('open', model.open);
    this.panel.hidden = !model.open;
    setAttribute(this.launcher, 'aria-expanded', model.open ? 'true' : 'false');
    setAttribute(
      this.launcher,
      'aria-label',
      model.unread && !model.open ? TEXTS.openChatUnread : model.open ? TEXTS.closeChat : TEXTS.openChat,
    );
    this.badge.hidden = !(model.unread && !model.open);

    const who = answerer(state);
    this.who.textContent =
      who.kind === 'ai'
        ? TEXTS.answeringAi
        : who.kind === 'waiting'
          ? TEXTS.answeringWaiting
          : who.kind === 'human'
            ? TEXTS.answeringHuman(who.name)
            : TEXTS.answeringClosed;

    const scrolledToEnd = this.body.scrollHeight - this.body.scrollTop - this.body.clientHeight < 40;
    this.list.update(state.entries, state.draft);
    this.typing.hidden = !state.typing;
    this.suggestions.hidden = state.entries.length > 0 || state.draft !== undefined || this.config.suggestedQuestions.length === 0;
    const closed = state.conversation?.status === 'closed';
    this.rating.hidden = !(wantsRating(state) || model.thanked);
    for (const el of Array.from(this.rating.children)) {
      if (el.classList.contains('thanks')) (el as HTMLElement).hidden = !model.thanked;
      else (el as HTMLElement).hidden = model.thanked;
    }
    const status = model.status ?? state.error;
    this.status.hidden = status === undefined;
    if (this.status.textContent !== (status ?? '')) this.status.textContent = status ?? '';

    this.human.hidden = closed || (state.conversation !== undefined && state.conversation.status !== 'ai');
    this.composer.hidden = closed;
    this.restart.hidden = !closed;
    this.sendButton.disabled = model.sending;
    if (scrolledToEnd) this.body.scrollTop = this.body.scrollHeight;

    this.announce(previous?.state, state);
  }

  /** Tells screen readers what changed: streamed sentences, whole new messages and notices. */
  private announce(before: ConversationState | undefined, after: ConversationState): void {
    if (after.draft !== undefined) this.announcer.progress(after.draft);
    // A first render (a reload) or a new conversation reads nothing out: the visitor did not just receive it.
    if (before === undefined || before.conversation?.id !== after.conversation?.id) {
      if (after.draft === undefined) this.announcer.cancel();
      return;
    }
    const known = new Set(before.entries.map((e) => e.key));
    let answered = false;
    for (const entry of after.entries) {
      if (known.has(entry.key)) continue;
      if (entry.kind === 'ai') {
        this.announcer.finish(entry.text);
        answered = true;
      } else if (entry.kind === 'human') this.announcer.say(`${entry.agentName}: ${entry.text}`);
      else if (entry.kind === 'proactive') this.announcer.say(entry.text);
      else if (entry.kind === 'handoff') this.announcer.say(TEXTS.handoff[entry.reason]);
      else if (entry.kind === 'handback') this.announcer.say(TEXTS.handback);
    }
    if (after.draft === undefined && before.draft !== undefined && !answered) this.announcer.cancel();
  }
}
