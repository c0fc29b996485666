/**
 * The signed-in console: top bar (workspace, theme, who is signed in, sign out), the screens'
 * navigation and the current screen, with React Query over the session's tRPC client. The
 * heading of a newly opened screen takes focus so keyboard and screen-reader users land on it.
 */
import { useEffect, useMemo, useRef } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { Brand } from '../components/Brand';
import { ConsoleSessionProvider, type ConsoleSession } from './consoleSession';
import { createConsoleQueryClient } from './queryClient';
import { CONSOLE_SCREENS } from './screens';
import { SideNav } from './SideNav';
import { useHashRoute } from './useHashRoute';
import { useTheme } from './theme';

export interface ConsoleShellProps {
  session: ConsoleSession;
  onSignOut(): void;
}

const SCREEN_IDS = CONSOLE_SCREENS.map((s) => s.id);
const THEME_LABEL = { system: 'Theme: system', light: 'Theme: light', dark: 'Theme: dark' } as const;

export function ConsoleShell({ session, onSignOut }: ConsoleShellProps) {
  const { onUnauthorized } = session;
  const queryClient = useMemo(() => createConsoleQueryClient(onUnauthorized), [onUnauthorized]);
  const [current, navigate] = useHashRoute(SCREEN_IDS);
  const theme = useTheme();
  const heading = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  const screen = CONSOLE_SCREENS.find((s) => s.id === current) ?? (CONSOLE_SCREENS[0] as (typeof CONSOLE_SCREENS)[number]);

  useEffect(() => {
    // Not on the first render: focus then belongs to wherever the page put it.
    if (first.current) {
      first.current = false;
      return;
    }
    heading.current?.focus();
  }, [screen.id]);

  const { workspace, principal } = session.info;
  const Screen = screen.Component;

  return (
    <QueryClientProvider client={queryClient}>
      <ConsoleSessionProvider session={session}>
        <div className="shell">
          <a className="skip-link" href="#console-main">
            Skip to content
          </a>
          <header className="topbar">
            <Brand />
            <div className="topbar__workspace">
              <span className="topbar__label">Workspace</span>
              <span className="topbar__value" data-testid="workspace-name">
                {workspace.name}
              </span>
            </div>
            <div className="topbar__user">
              <button
                className="button button--ghost"
                type="button"
                onClick={theme.cycle}
                data-testid="theme-toggle"
                aria-label={`${THEME_LABEL[theme.choice]} (${theme.applied}); change`}
              >
                {theme.applied === 'dark' ? '☾' : '☀'} {theme.choice === 'system' ? 'Auto' : theme.choice === 'dark' ? 'Dark' : 'Light'}
              </button>
              <span className="topbar__principal">{principal.name}</span>
              <span className="badge" data-testid="signed-in-role" title="Role of this token">
                {principal.role}
              </span>
              <button className="button button--ghost" type="button" onClick={onSignOut} data-testid="sign-out">
                Sign out
              </button>
            </div>
          </header>
          <div className="shell__body">
            <SideNav screens={CONSOLE_SCREENS} current={screen.id} onNavigate={navigate} />
            <main className="content" id="console-main" aria-labelledby="screen-title" data-testid={`screen-${screen.id}`}>
              <div className="content__heading">
                <h1 className="page-title" id="screen-title" tabIndex={-1} ref={heading}>
                  {screen.label}
                </h1>
                <p className="page-subtitle">{screen.summary}</p>
              </div>
              <Screen key={screen.id} />
            </main>
          </div>
        </div>
      </ConsoleSessionProvider>
    </QueryClientProvider>
  );
}
