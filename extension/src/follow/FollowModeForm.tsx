/**
 * The options page's follow-mode switch: off until the agent turns it on. On, the ticket open in
 * the browser (redacted by the server, never the page itself) is followed by the agent's own
 * desktop app, and a team lead may follow it read-only to coach; the side panel says who does.
 */
import { useEffect, useId, useState } from 'react';
import { readFollowSettings, watchFollowSettings, writeFollowSettings, type FollowSettings } from './followSettings';

export function FollowModeForm() {
  const [settings, setSettings] = useState<FollowSettings>();
  const id = useId();

  useEffect(() => {
    let disposed = false;
    const read = () =>
      void readFollowSettings().then((next) => {
        if (!disposed) setSettings(next);
      });
    read();
    const stop = watchFollowSettings(read);
    return () => {
      disposed = true;
      stop();
    };
  }, []);

  return (
    <div className="follow-mode">
      <label htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          data-testid="follow-mode"
          checked={settings?.enabled ?? false}
          disabled={settings === undefined}
          onChange={(event) => void writeFollowSettings({ enabled: event.target.checked, paused: false })}
        />{' '}
        Follow mode: let my Tandem desktop app follow the ticket I have open
      </label>
      <p className="muted">
        The server receives the open ticket with names, e-mail addresses and other personal details replaced, and the draft&apos;s state;
        never the page. A team lead can follow it read-only, and the side panel shows when someone does. Pause it from the side panel at any
        time.
      </p>
    </div>
  );
}
