/**
 * The extension's options page: where the agent points Tandem at a server and signs in with a token.
 */
import { SettingsForm } from './settings/SettingsForm';
import './styles/pages.css';

function OptionsPage() {
  return (
    <main className="panel">
      <h1>Tandem settings</h1>
      <p className="muted">Connect the side panel to your team&apos;s Tandem server. Ask your team lead for an API token.</p>
      <SettingsForm />
    </main>
  );
}

export default OptionsPage;
