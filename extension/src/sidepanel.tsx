/**
 * The side panel beside the helpdesk: connection, the ticket open in the tab, knowledge cards
 * (local cache first, then the server), and the draft with its actions. It composes; each part
 * lives in its own module under panel/.
 */
import { useEffect, useMemo } from 'react';
import { createTandemClient } from './connection/tandemClient';
import { ConnectionStatus } from './panel/ConnectionStatus';
import { DraftPanel } from './panel/draft/DraftPanel';
import { usePanelCommands } from './panel/draft/panelCommands';
import { insertIntoTab } from './panel/insertIntoTab';
import { KnowledgeCards } from './panel/KnowledgeCards';
import { TicketSummary } from './panel/TicketSummary';
import { useConnection } from './panel/useConnection';
import { useCurrentTicket } from './panel/useCurrentTicket';
import { useKnowledgeCache } from './panel/useKnowledgeCache';
import { useKnowledgeCards } from './panel/useKnowledgeCards';
import './styles/pages.css';

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

  // Shortcuts pressed while the helpdesk page has the focus arrive as chrome.commands.
  useEffect(() => {
    const onCommand = (command: string) => void commands.run(command);
    chrome.commands.onCommand.addListener(onCommand);
    return () => chrome.commands.onCommand.removeListener(onCommand);
  }, [commands]);

  return (
    <main className="panel">
      <h1>Tandem</h1>
      <ConnectionStatus state={connection.state} />
      <TicketSummary current={current} />
      <KnowledgeCards cards={cards} cache={cache.state} />
      <DraftPanel
        client={client}
        ticket={ticket}
        commands={commands}
        onInsert={(text, draftId) =>
          tabId === undefined
            ? Promise.resolve({ ok: false, error: 'No helpdesk tab to insert into' })
            : insertIntoTab(tabId, draftId, text)
        }
      />
    </main>
  );
}

export default SidePanel;
