/**
 * The draft as it stands in the followed browser's side panel (redacted by the server, shown as
 * text): what the agent is about to send, which is what a coaching lead wants to see beside the
 * copilot's own draft.
 */
import type { PresenceDraft } from '@tandem/shared';

const STATUS: Record<PresenceDraft['status'], string> = {
  idle: 'No draft yet',
  streaming: 'Writing…',
  done: 'Ready',
  error: 'The draft failed',
};

export function BrowserDraft({ draft, whose }: { draft: PresenceDraft; whose: string }) {
  return (
    <section className="card" aria-label={`Draft in ${whose}`} data-testid="browser-draft" data-status={draft.status}>
      <h3 className="section-title">Draft in {whose}</h3>
      <p className="muted">{STATUS[draft.status]}</p>
      {draft.text === '' ? null : <p className="draft__text">{draft.text}</p>}
    </section>
  );
}
