/**
 * The Copilot screen: the agent's copilot in the desktop app, following the ticket open in their
 * browser (the extension publishes it when follow mode is on) and rendered with the same panel as
 * the side panel: header, streamed draft with citations, Insert (sent back through the extension
 * into the page's composer), feedback, actions and knowledge cards. A lead may pick an agent and
 * follow their ticket read-only. What arrives is the server's redacted ticket, shown as text.
 */
import { DraftPanel, KnowledgeCards } from '@tandem/panel';
import '@tandem/panel/tokens.css';
import '@tandem/panel/panel.css';
import { useEffect, useState } from 'react';
import type { PresenceSnapshot } from '@tandem/shared';
import { usePresence } from '../hooks/usePresence';
import { useServerCards } from '../hooks/useServerCards';
import { useConsoleSession } from '../shell/consoleSession';
import { insertThroughBrowser } from './copilot/insertThroughBrowser';
import { BrowserDraft } from './copilot/BrowserDraft';
import { FollowChooser } from './copilot/FollowChooser';

function followLine(snapshot: PresenceSnapshot): string {
  const whose = snapshot.readOnly ? `${snapshot.userName}'s browser (read-only)` : 'your browser';
  if (snapshot.paused) return `Follow mode is paused in ${whose}.`;
  if (snapshot.ticket === null) return `Following ${whose}: no ticket open there (or follow mode is off in the extension).`;
  return `Following ${whose}.`;
}

export function CopilotScreen() {
  const { client, info, onUnauthorized } = useConsoleSession();
  const canCoach = info.principal.role !== 'agent';
  const [followed, setFollowed] = useState<string>();
  const presence = usePresence(client, followed);
  const snapshot = presence.kind === 'following' ? presence.snapshot : undefined;
  const ticket = snapshot?.ticket ?? undefined;
  const cards = useServerCards(client, ticket);
  const refused = presence.kind === 'error' && presence.unauthorized;
  useEffect(() => {
    if (refused) onUnauthorized();
  }, [refused, onUnauthorized]);

  return (
    <div className="copilot panel" data-testid="copilot-screen">
      {canCoach ? <FollowChooser self={info.principal.tokenId} value={followed} onChange={setFollowed} /> : null}
      <p className="muted" role="status" data-testid="copilot-following" data-read-only={snapshot?.readOnly === true}>
        {presence.kind === 'connecting'
          ? 'Connecting…'
          : presence.kind === 'error'
            ? `Could not follow: ${presence.message}`
            : followLine(presence.snapshot)}
      </p>
      {ticket === undefined || snapshot === undefined ? null : (
        <DraftPanel
          key={snapshot.userId}
          client={client}
          ticket={ticket}
          readOnly={snapshot.readOnly}
          onInsert={(text) => insertThroughBrowser(client, ticket.ticketId, text)}
          knowledge={(cited) => <KnowledgeCards cards={cards} cited={cited} />}
        />
      )}
      {snapshot?.draft === null || snapshot?.draft === undefined ? null : (
        <BrowserDraft draft={snapshot.draft} whose={snapshot.readOnly ? `${snapshot.userName}'s browser` : 'your browser'} />
      )}
    </div>
  );
}
