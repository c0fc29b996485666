/**
 * The copilot for the ticket followed from a browser: the signed-in user's own (the extension
 * publishes it when follow mode is on) or, for a lead, an agent's read-only. Insert goes back
 * through the extension into that page's composer. What arrives is the server's redacted ticket.
 */
import { DraftPanel } from '@tandem/panel';
import { useEffect } from 'react';
import type { PresenceSnapshot } from '@tandem/shared';
import { usePresence } from '../../hooks/usePresence';
import { useConsoleSession } from '../../shell/consoleSession';
import { BrowserDraft } from './BrowserDraft';
import { FollowChooser } from './FollowChooser';
import { insertThroughBrowser } from './insertThroughBrowser';
import { ServerCards } from './ServerCards';

function followLine(snapshot: PresenceSnapshot): string {
  const whose = snapshot.readOnly ? `${snapshot.userName}'s browser (read-only)` : 'your browser';
  if (snapshot.paused) return `Follow mode is paused in ${whose}.`;
  if (snapshot.ticket === null) return `Following ${whose}: no ticket open there (or follow mode is off in the extension).`;
  return `Following ${whose}.`;
}

export interface FollowedCopilotProps {
  /** Whose presence a lead follows (undefined: their own browser); kept by the screen so it survives a helpdesk tab. */
  followed: string | undefined;
  onFollowedChange(userId: string | undefined): void;
}

export function FollowedCopilot({ followed, onFollowedChange }: FollowedCopilotProps) {
  const { client, info, onUnauthorized } = useConsoleSession();
  const canCoach = info.principal.role !== 'agent';
  const presence = usePresence(client, followed);
  const snapshot = presence.kind === 'following' ? presence.snapshot : undefined;
  const ticket = snapshot?.ticket ?? undefined;
  const refused = presence.kind === 'error' && presence.unauthorized;
  useEffect(() => {
    if (refused) onUnauthorized();
  }, [refused, onUnauthorized]);

  return (
    <>
      {canCoach ? <FollowChooser self={info.principal.tokenId} value={followed} onChange={onFollowedChange} /> : null}
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
          knowledge={(cited) => <ServerCards client={client} ticket={ticket} cited={cited} />}
        />
      )}
      {snapshot?.draft === null || snapshot?.draft === undefined ? null : (
        <BrowserDraft draft={snapshot.draft} whose={snapshot.readOnly ? `${snapshot.userName}'s browser` : 'your browser'} />
      )}
    </>
  );
}
