/**
 * The Copilot screen inside the Electron app, where the app opens helpdesks in its own tabs: the
 * tab strip on top, the helpdesk's web view (drawn by main over the empty area on the left) and
 * the Copilot pane on the right. While a helpdesk tab is shown the pane follows that tab's ticket;
 * otherwise it shows `children` (the ticket followed from the browser). Main is told the strip's
 * and the pane's real geometry, and outcomes of inserted drafts go to the server.
 */
import type { PanelClient } from '@tandem/panel';
import type { TicketContext } from '@tandem/shared';
import { useId, useRef, type ReactNode } from 'react';
import type { HelpdeskBridge } from '../../../ipc/helpdeskChannels';
import { useHelpdeskDraftOutcomes, type OutcomeFeedbackClient } from '../../hooks/useHelpdeskDraftOutcomes';
import { useHelpdeskLayout } from '../../hooks/useHelpdeskLayout';
import { useHelpdeskTabs } from '../../hooks/useHelpdeskTabs';
import { HelpdeskTabStrip } from './HelpdeskTabStrip';
import { HelpdeskTicketPane } from './HelpdeskTicketPane';
import './helpdeskCopilot.css';

export interface HelpdeskCopilotProps {
  bridge: HelpdeskBridge;
  client: PanelClient & OutcomeFeedbackClient;
  knowledge?: (ticket: TicketContext, cited: ReadonlyMap<string, number>) => ReactNode;
  /** The pane while no helpdesk tab is shown. */
  children: ReactNode;
}

export function HelpdeskCopilot({ bridge, client, knowledge, children }: HelpdeskCopilotProps) {
  const tabs = useHelpdeskTabs(bridge);
  const strip = useRef<HTMLDivElement>(null);
  const pane = useRef<HTMLDivElement>(null);
  const panelId = useId();
  const activeTab = tabs.state?.tabs.find((t) => t.tabId === tabs.state?.activeTabId);
  useHelpdeskLayout(bridge, strip, pane, activeTab?.tabId ?? '');
  useHelpdeskDraftOutcomes(bridge, client);

  return (
    <div className="helpdesk-copilot" data-testid="helpdesk-copilot" data-split={activeTab !== undefined}>
      <div ref={strip} className="helpdesk-copilot__strip">
        <HelpdeskTabStrip
          state={tabs.state}
          error={tabs.error}
          panelId={panelId}
          onOpen={(request) => void tabs.open(request)}
          onActivate={(tabId) => void tabs.activate(tabId)}
          onClose={(tabId) => void tabs.close(tabId)}
        />
      </div>
      <div className="helpdesk-copilot__body">
        {activeTab === undefined ? null : (
          // Main draws the helpdesk's page over this area; it is here so the pane sits right of it.
          <div
            id={panelId}
            className="helpdesk-copilot__page"
            role="tabpanel"
            aria-labelledby={`helpdesk-tab-${activeTab.tabId}`}
            data-testid="helpdesk-page-area"
          />
        )}
        <div ref={pane} className="helpdesk-copilot__pane" data-testid="helpdesk-copilot-pane">
          {activeTab === undefined ? (
            children
          ) : (
            <>
              <p className="muted" role="status" data-testid="helpdesk-following">
                Following the {activeTab.label} tab ({activeTab.host}).
              </p>
              <HelpdeskTicketPane bridge={bridge} client={client} tab={activeTab} knowledge={knowledge} />
            </>
          )}
        </div>
      </div>
    </div>
  );
}
