/**
 * The Copilot screen: the agent's copilot in the desktop app, rendered with the same panel as the
 * side panel (header, streamed draft with citations, Insert, feedback, actions, knowledge cards).
 * It follows the ticket open in the agent's browser (the extension publishes it when follow mode
 * is on; a lead may follow an agent read-only). In the Electron app, which can open helpdesks in
 * its own tabs (`window.tandemDesktop.helpdesk`), the screen adds their tab strip, and while one is
 * shown its ticket takes precedence over the followed browser. At /console in a browser the
 * bridge is absent and only following is offered.
 */
import '@tandem/panel/tokens.css';
import '@tandem/panel/panel.css';
import { useState } from 'react';
import { useConsoleSession } from '../shell/consoleSession';
import { FollowedCopilot } from './copilot/FollowedCopilot';
import { HelpdeskCopilot } from './copilot/HelpdeskCopilot';
import { ServerCards } from './copilot/ServerCards';

export function CopilotScreen() {
  const { client } = useConsoleSession();
  const [followed, setFollowed] = useState<string>();
  // Fixed for the page's life: the preload adds it before any script runs, or never.
  const [bridge] = useState(() => window.tandemDesktop?.helpdesk);
  const following = <FollowedCopilot followed={followed} onFollowedChange={setFollowed} />;

  return (
    <div className="copilot panel" data-testid="copilot-screen">
      {bridge === undefined ? (
        following
      ) : (
        <HelpdeskCopilot
          bridge={bridge}
          client={client}
          knowledge={(ticket, cited) => <ServerCards client={client} ticket={ticket} cited={cited} />}
        >
          {following}
        </HelpdeskCopilot>
      )}
    </div>
  );
}
