/**
 * Screen 1: sign in with a server address and an API token. Checks the input locally, then asks
 * the server who the token belongs to; the parent decides what a successful sign-in does.
 */
import { useState, type FormEvent } from 'react';
import { normalizeServerUrl } from '../api/client';
import { Field } from '../components/Field';
import { Brand } from '../components/Brand';

export interface SignInScreenProps {
  initialServerUrl: string;
  initialToken: string;
  initialError: string | null;
  /** Resolves to an error message to show, or undefined once signed in. */
  onSignIn(serverUrl: string, token: string): Promise<string | undefined>;
}

export function SignInScreen({ initialServerUrl, initialToken, initialError, onSignIn }: SignInScreenProps) {
  const [serverUrl, setServerUrl] = useState(initialServerUrl);
  const [token, setToken] = useState(initialToken);
  const [error, setError] = useState<string | null>(initialError);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const url = normalizeServerUrl(serverUrl);
    if (url === null) {
      setError('Enter the server address, for example http://127.0.0.1:8787');
      return;
    }
    if (token.trim() === '') {
      setError('Enter your API token');
      return;
    }
    setBusy(true);
    setError(null);
    const failure = await onSignIn(url, token.trim());
    // On success this screen is replaced; only a failure needs the form back.
    if (failure !== undefined) {
      setError(failure);
      setBusy(false);
    }
  }

  return (
    <main className="signin">
      <div className="signin__panel">
        <Brand large />
        <h1 className="signin__title">Sign in to the console</h1>
        <p className="signin__lead">Use an API token from your Tandem server. Team leads and admins see their workspace here.</p>
        <form className="signin__form" onSubmit={(event) => void submit(event)} noValidate>
          <Field
            label="Server URL"
            type="url"
            name="serverUrl"
            inputMode="url"
            autoComplete="url"
            spellCheck={false}
            placeholder="http://127.0.0.1:8787"
            value={serverUrl}
            onChange={(event) => setServerUrl(event.target.value)}
            data-testid="server-url"
          />
          <Field
            label="API token"
            type="password"
            name="token"
            autoComplete="current-password"
            spellCheck={false}
            value={token}
            onChange={(event) => setToken(event.target.value)}
            data-testid="token-input"
          />
          {error === null ? null : (
            <p className="callout callout--error" role="alert" data-testid="sign-in-error">
              {error}
            </p>
          )}
          <button className="button button--primary button--block" type="submit" disabled={busy} data-testid="sign-in">
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
      </div>
    </main>
  );
}
