/**
 * The extension's options page: where the agent points Tandem at a server and signs in with a
 * token, and chooses which helpdesks (and which extra hosts) Tandem reads. Styled by the same
 * design tokens as the side panel.
 */
import './design';
import { FollowModeForm } from './follow/FollowModeForm';
import { SettingsForm } from './settings/SettingsForm';
import { SitesForm } from './settings/SitesForm';
import './settings/options.css';

function OptionsPage() {
  return (
    <main className="options">
      <h1>Tandem settings</h1>
      <p className="muted">Connect the side panel to your team&apos;s Tandem server. Ask your team lead for an API token.</p>
      <SettingsForm />
      <h2>Desktop app</h2>
      <FollowModeForm />
      <h2>Helpdesks</h2>
      <p className="muted">Tandem reads the open ticket on these sites. An admin can add hosts Tandem does not know.</p>
      <SitesForm />
    </main>
  );
}

export default OptionsPage;
