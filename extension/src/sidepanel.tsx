/**
 * The side panel beside the helpdesk: connection to the Tandem server and the ticket open in the
 * current tab. The assist features (knowledge cards, draft, actions) build on these two.
 */
import { ConnectionStatus } from './panel/ConnectionStatus';
import { TicketSummary } from './panel/TicketSummary';
import { useConnection } from './panel/useConnection';
import { useCurrentTicket } from './panel/useCurrentTicket';
import './styles/pages.css';

function SidePanel() {
  const connection = useConnection();
  const current = useCurrentTicket();
  return (
    <main className="panel">
      <h1>Tandem</h1>
      <ConnectionStatus state={connection.state} />
      <TicketSummary current={current} />
    </main>
  );
}

export default SidePanel;
