/**
 * The side panel beside the helpdesk, laid out for a 360–480 px column: the top bar (connection),
 * then either the one state that needs the agent (connecting, signed out, offline, no ticket,
 * unreadable ticket) or the ticket's header and its draft, with the knowledge cards last. It
 * composes; each part lives in its own module under panel/, styled only through design tokens.
 */
import { useEffect, useMemo } from 'react';
import { createTandemClient } from './connection/tandemClient';
import './design';
import { FollowBar } from './follow/FollowBar';
import { panelDraftWriter } from './follow/panelDraft';
import { ConnectionStatus } from './panel/ConnectionStatus';
import { DraftPanel, KnowledgeCards, TicketHeader, usePanelCommands } from '@tandem/panel';
import '@tandem/panel/panel.css';
import { insertIntoTab } from './panel/insertIntoTab';
import { usePanelPaintMark } from './panel/panelPaintMark';
import { ConnectionNotice } from './panel/states/ConnectionNotice';
import { TicketNotice } from './panel/states/TicketNotice';
import { useConnection } from './panel/useConnection';
import { useCurrentTicket } from './panel/useCurrentTicket';
import { useKnowledgeCache } from './panel/useKnowledgeCache';
import { useKnowledgeCards } from './panel/useKnowledgeCards';

function SidePanel() {
  const connection = useConnection();
  const current = useCurrentTicket();
  const connected = connection.state?.kind === 'connected';
  const { settings } = connection;
  // One client per server and token while connected: offline, nothing waits on the network.
  const client = useMemo(() => (connected && settings !== undefined ? createTandemClient(settings) : undefined), [connected, settings]);
  const cache = useKnowledgeCache(connection.state, settings, client);
  const ticket = current.kind === 'ticket' ? current.stored.ticket : undefined;
  const tabId = current.kind === 'ticket' ? current.stored.tabId : undefined;
  const cards = useKnowledgeCards(ticket, cache.service, cache.state.chunks, client);
  const commands = usePanelCommands();
  // Follow mode's copy of the draft; the background publishes it only while follow mode is on.
  const writeDraft = useMemo(() => panelDraftWriter(), []);
  usePanelPaintMark();

  // Shortcuts pressed while the helpdesk page has the focus arrive as chrome.commands.
  useEffect(() => {
    const onCommand = (command: string) => void commands.run(command);
    chrome.commands.onCommand.addListener(onCommand);
    return () => chrome.commands.onCommand.removeListener(onCommand);
  }, [commands]);

  const knowledge = (cited?: ReadonlyMap<string, number>) =>
    ticket === undefined ? null : <KnowledgeCards cards={cards} cache={cache.state} cited={cited} />;

  return (
    <div className="panel">
      <ConnectionStatus state={connection.state} />
      <FollowBar />
      <main className="panel__main">
        <ConnectionNotice state={connection.state} onRetry={connection.recheck} />
        <TicketNotice current={current} />
        {ticket === undefined ? null : client === undefined ? (
          // No server: the ticket and the cached knowledge still help; the notice above says why there is no draft.
          <>
            <TicketHeader ticket={ticket} analysis={undefined} pending={false} />
            {knowledge()}
          </>
        ) : (
          <DraftPanel
            client={client}
            ticket={ticket}
            commands={commands}
            knowledge={knowledge}
            onDraftChange={(draft) => writeDraft(ticket.ticketId, draft)}
            onInsert={(text, draftId) =>
              tabId === undefined
                ? Promise.resolve({ ok: false, error: 'No helpdesk tab to insert into' })
                : insertIntoTab(tabId, draftId, text)
            }
          />
        )}
        {/* Without a ticket the cache status still matters: it says whether knowledge is ready offline. */}
        {ticket === undefined && connected ? <KnowledgeCards cards={undefined} cache={cache.state} /> : null}
      </main>
    </div>
  );
}

export default SidePanel;
