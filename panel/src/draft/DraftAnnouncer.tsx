/**
 * A polite live region for the streaming draft: it holds only the sentences completed since the
 * last announcement, so a screen reader hears each sentence once as it arrives instead of the
 * whole draft again on every token.
 */
import { useState } from 'react';
import { nextAnnouncement } from './sentenceAnnouncer';

interface Heard {
  text: string;
  done: boolean;
  upTo: number;
  message: string;
}

export function DraftAnnouncer({ text, active, done }: { text: string; active: boolean; done: boolean }) {
  const [heard, setHeard] = useState<Heard>({ text: '', done: false, upTo: 0, message: '' });
  // Adjusted while rendering (React's pattern for state derived from changing props), so no
  // effect re-renders the panel on every token.
  if (heard.text !== text || heard.done !== done) {
    if (!active && !done) setHeard({ text, done, upTo: 0, message: '' });
    else {
      const next = nextAnnouncement(text, heard.upTo, done);
      setHeard({ text, done, upTo: next.upTo, message: next.text === '' ? heard.message : next.text });
    }
  }
  return (
    <div className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="draft-announcer">
      {heard.message}
    </div>
  );
}
