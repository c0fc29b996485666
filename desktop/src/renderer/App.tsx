/**
 * The console's top level: restores a remembered session, then shows either the sign-in screen
 * or the console shell and its screens. Owns the session lifecycle (sign in, remember, sign out, token refused).
 */
import { useCallback, useEffect, useState } from 'react';
import type { SessionInfo } from '@tandem/shared';
import { createConsoleClient, type ConsoleClient } from './api/client';
import { describeError, UNAUTHORIZED_MESSAGE } from './api/errors';
import { SignInScreen } from './screens/SignInScreen';
import { ConsoleShell } from './shell/ConsoleShell';
import { SessionPersistenceError, type SessionPersistence, type StoredSession } from './session/persistence';

type View =
  | { screen: 'restoring' }
  | { screen: 'sign-in'; serverUrl: string; token: string; error: string | null }
  | { screen: 'overview'; serverUrl: string; token: string; client: ConsoleClient; info: SessionInfo; notice: string | null };

export interface AppProps {
  persistence: SessionPersistence;
  defaultServerUrl: string;
}

export function App({ persistence, defaultServerUrl }: AppProps) {
  const [view, setView] = useState<View>({ screen: 'restoring' });

  useEffect(() => {
    let cancelled = false;
    void restore(persistence, defaultServerUrl).then((restored) => {
      if (!cancelled) setView(restored);
    });
    return () => {
      cancelled = true;
    };
  }, [persistence, defaultServerUrl]);

  const signIn = useCallback(
    async (serverUrl: string, token: string): Promise<string | undefined> => {
      const client = createConsoleClient(serverUrl, token);
      let info: SessionInfo;
      try {
        info = await client.session.get.query();
      } catch (err) {
        return describeError(err).message;
      }
      let notice: string | null = null;
      try {
        await persistence.save({ serverUrl, token });
      } catch (err) {
        // Signed in all the same; the user just signs in again next time.
        notice = `You are signed in, but this session will not be remembered: ${errorMessage(err)}.`;
      }
      setView({ screen: 'overview', serverUrl, token, client, info, notice });
      return undefined;
    },
    [persistence],
  );

  const signOut = useCallback(
    (error: string | null) => {
      setView((current) => ({
        screen: 'sign-in',
        serverUrl: current.screen === 'restoring' ? defaultServerUrl : current.serverUrl,
        token: '',
        error,
      }));
      void persistence.clear().catch(() => undefined);
    },
    [persistence, defaultServerUrl],
  );

  const signOutRefused = useCallback(() => signOut(UNAUTHORIZED_MESSAGE), [signOut]);

  switch (view.screen) {
    case 'restoring':
      return (
        <main className="splash" aria-busy="true">
          <p className="muted">Loading…</p>
        </main>
      );
    case 'sign-in':
      return (
        <SignInScreen
          key={`${view.serverUrl}|${view.error ?? ''}`}
          initialServerUrl={view.serverUrl}
          initialToken={view.token}
          initialError={view.error}
          onSignIn={signIn}
        />
      );
    case 'overview':
      return (
        <ConsoleShell
          session={{
            client: view.client,
            info: view.info,
            serverUrl: view.serverUrl,
            token: view.token,
            notice: view.notice,
            onUnauthorized: signOutRefused,
          }}
          onSignOut={() => signOut(null)}
        />
      );
  }
}

async function restore(persistence: SessionPersistence, defaultServerUrl: string): Promise<View> {
  let saved: StoredSession | null;
  try {
    saved = await persistence.load();
  } catch {
    // Nothing usable was remembered (e.g. no keychain): start from the sign-in screen.
    saved = null;
  }
  if (saved === null) return { screen: 'sign-in', serverUrl: defaultServerUrl, token: '', error: null };
  const client = createConsoleClient(saved.serverUrl, saved.token);
  try {
    const info = await client.session.get.query();
    return { screen: 'overview', serverUrl: saved.serverUrl, token: saved.token, client, info, notice: null };
  } catch (err) {
    const described = describeError(err);
    if (described.unauthorized) {
      await persistence.clear().catch(() => undefined);
      return { screen: 'sign-in', serverUrl: saved.serverUrl, token: '', error: described.message };
    }
    // The server may just be down: keep the token so one click signs in again.
    return { screen: 'sign-in', serverUrl: saved.serverUrl, token: saved.token, error: described.message };
  }
}

function errorMessage(err: unknown): string {
  const message = err instanceof SessionPersistenceError || err instanceof Error ? err.message : String(err);
  return message.replace(/\.$/, '');
}
