/**
 * The Copilot pane for the helpdesk tab shown in the app: that tab's ticket with the shared panel
 * (cards, streamed draft, Insert into the tab, actions, rating), or what the side panel says when
 * there is none (no ticket open, or a known helpdesk whose layout did not read).
 */
import { DraftPanel, type PanelClient } from '@tandem/panel';
import type { TicketContext } from '@tandem/shared';
import type { ReactNode } from 'react';
import type { HelpdeskBridge, HelpdeskTabSummary } from '../../../ipc/helpdeskChannels';
import { insertIntoHelpdeskTab } from './insertIntoHelpdeskTab';

export interface HelpdeskTicketPaneProps {
  bridge: HelpdeskBridge;
  client: PanelClient;
  tab: HelpdeskTabSummary;
  knowledge?: (ticket: TicketContext, cited: ReadonlyMap<string, number>) => ReactNode;
}

export function HelpdeskTicketPane({ bridge, client, tab, knowledge }: HelpdeskTicketPaneProps) {
  const { ticket } = tab;
  if (ticket.kind === 'none') {
    return (
      <section className="notice" aria-label="Ticket" data-testid="helpdesk-no-ticket">
        <p className="notice__title">No ticket open</p>
        <p>Open a ticket in the {tab.label} tab: the copilot follows the ticket shown there.</p>
      </section>
    );
  }
  if (ticket.kind === 'unreadable') {
    return (
      <section className="notice notice--warn" aria-label="Ticket" data-testid="helpdesk-unreadable">
        <p className="notice__title">Tandem couldn&apos;t read this ticket</p>
        <p>
          The {tab.label} page looks like a helpdesk Tandem knows, but its layout has changed; nothing was guessed. Reload the page in the
          tab.{' '}
          <span className="muted" data-testid="helpdesk-unreadable-detail">
            {ticket.detail}
          </span>
        </p>
      </section>
    );
  }
  const current = ticket.ticket;
  return (
    <DraftPanel
      // Another tab is another agent context: its draft, edit and insert result start afresh.
      key={tab.tabId}
      client={client}
      ticket={current}
      onInsert={(text, draftId) => insertIntoHelpdeskTab(bridge, tab.tabId, draftId, text)}
      knowledge={knowledge === undefined ? undefined : (cited) => knowledge(current, cited)}
    />
  );
}
