/**
 * Watches a composer after a draft went in, and reports once what became of it. A send either
 * removes the composer (Gmail) or empties it without the agent typing (Zendesk, Salesforce, a
 * textarea reset by its framework); the text that left is the last one seen before that. When the
 * agent deletes the draft themselves (their own input events empty it), it counts as discarded
 * if the composer then goes away. Limitation: a select-all-and-delete that the site performs
 * without an input event looks like a send.
 */
import { classifySentDraft, draftPart, withoutWhitespace, type ClassifiedOutcome } from './draftOutcome';
import { composerText, type InsertedAround } from './insertDraft';

export interface DraftOutcomeWatchOptions {
  composer: HTMLElement;
  draft: string;
  around: InsertedAround;
  report: (outcome: ClassifiedOutcome) => void;
  /** A site may clear a textarea's value from script, which no event or mutation announces. */
  pollMs?: number;
  /** A reply left open this long is not followed any further (nothing is reported). */
  maxWatchMs?: number;
}

export interface DraftOutcomeWatch {
  /** Looks at the composer now (tests; the watcher also does this on every change). */
  check(): void;
  stop(): void;
}

export function watchDraftOutcome(options: DraftOutcomeWatchOptions): DraftOutcomeWatch {
  const { composer, draft, around, report, pollMs = 500, maxWatchMs = 6 * 60 * 60 * 1000 } = options;
  const view = composer.ownerDocument.defaultView;
  let lastSeen = draftPart(composerText(composer), around);
  let agentTyped = false;
  let stopped = false;
  let scheduled: ReturnType<typeof setTimeout> | undefined;

  const finish = (sentPart: string) => {
    stop();
    report(classifySentDraft(draft, sentPart));
  };

  const check = () => {
    if (stopped) return;
    if (scheduled !== undefined) clearTimeout(scheduled);
    scheduled = undefined;
    const typed = agentTyped;
    agentTyped = false;
    const now = draftPart(composerText(composer), around);
    if (!composer.isConnected) {
      // A removed composer keeps its text unless the site emptied it first: then the last text seen left.
      finish(withoutWhitespace(now) === '' ? lastSeen : now);
      return;
    }
    if (withoutWhitespace(now) === '' && withoutWhitespace(lastSeen) !== '' && !typed) {
      finish(lastSeen);
      return;
    }
    lastSeen = now;
  };

  // Checks run after the current task, so an input event and the mutations it caused are seen together.
  const schedule = () => {
    if (!stopped && scheduled === undefined) scheduled = setTimeout(check, 0);
  };
  const onInput = () => {
    agentTyped = true;
    schedule();
  };

  const MutationObserverImpl = view?.MutationObserver ?? MutationObserver;
  const observer = new MutationObserverImpl(schedule);
  observer.observe(composer, { childList: true, subtree: true, characterData: true });
  composer.addEventListener('input', onInput);
  const poll = setInterval(check, pollMs);
  const expiry = setTimeout(() => stop(), maxWatchMs);

  function stop() {
    if (stopped) return;
    stopped = true;
    observer.disconnect();
    composer.removeEventListener('input', onInput);
    clearInterval(poll);
    clearTimeout(expiry);
    if (scheduled !== undefined) clearTimeout(scheduled);
  }

  return { check, stop };
}
