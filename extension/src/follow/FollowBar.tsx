/**
 * The side panel's follow-mode line, shown only while follow mode is on: whether the ticket is
 * being published or paused, who follows it (the agent's desktop app, a lead coaching read-only),
 * and the Pause / Resume control.
 */
import type { PresenceFollower } from '@tandem/shared';
import { useEffect, useState } from 'react';
import {
  readFollowers,
  readFollowSettings,
  watchFollowers,
  watchFollowSettings,
  writeFollowSettings,
  type FollowSettings,
} from './followSettings';

function followedBy(followers: readonly PresenceFollower[]): string {
  const coaches = followers.filter((f) => f.readOnly).map((f) => `${f.name} (${f.role})`);
  const ownApp = followers.some((f) => !f.readOnly);
  const parts = [...(ownApp ? ['your desktop app'] : []), ...coaches];
  return parts.length === 0 ? 'nobody is following yet' : `followed by ${parts.join(', ')}`;
}

export function FollowBar() {
  const [settings, setSettings] = useState<FollowSettings>();
  const [followers, setFollowers] = useState<PresenceFollower[]>([]);

  useEffect(() => {
    let disposed = false;
    const read = () =>
      void readFollowSettings().then((next) => {
        if (!disposed) setSettings(next);
      });
    read();
    void readFollowers().then((next) => {
      if (!disposed) setFollowers(next);
    });
    const stopSettings = watchFollowSettings(read);
    const stopFollowers = watchFollowers(setFollowers);
    return () => {
      disposed = true;
      stopSettings();
      stopFollowers();
    };
  }, []);

  if (settings?.enabled !== true) return null;
  const coached = followers.some((f) => f.readOnly);
  return (
    <div className={`follow-bar${coached ? ' follow-bar--coached' : ''}`} data-testid="follow-bar" data-paused={settings.paused}>
      <span role="status" data-testid="follow-status">
        {settings.paused ? 'Follow mode paused: nothing is shared' : `Follow mode on: ${followedBy(followers)}`}
      </span>
      <button type="button" data-testid="follow-pause" onClick={() => void writeFollowSettings({ paused: !settings.paused })}>
        {settings.paused ? 'Resume' : 'Pause'}
      </button>
    </div>
  );
}
