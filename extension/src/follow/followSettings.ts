/**
 * Follow mode's settings: whether the agent lets their desktop app (and a coaching lead) follow the
 * ticket open in the browser, and whether they paused it for now. Off until the agent turns it on
 * in the options; kept in `chrome.storage.local` beside the connection settings. Who is following
 * lives in session storage: the background hears it from the server, the side panel shows it.
 */
import { presenceFollowerSchema, type PresenceFollower } from '@tandem/shared';
import { z } from 'zod';
import { watchLocalKeys } from '../settings/watchLocalKeys';

export const FOLLOW_KEYS = { enabled: 'followMode', paused: 'followPaused' } as const;
export const FOLLOWERS_KEY = 'presenceFollowers';

export interface FollowSettings {
  enabled: boolean;
  paused: boolean;
}

/** Anything but a stored `true` is off (and not paused): follow mode is opt-in. */
export function followSettingsFromStorage(stored: Record<string, unknown>): FollowSettings {
  return { enabled: stored[FOLLOW_KEYS.enabled] === true, paused: stored[FOLLOW_KEYS.paused] === true };
}

export async function readFollowSettings(): Promise<FollowSettings> {
  return followSettingsFromStorage(await chrome.storage.local.get(Object.values(FOLLOW_KEYS)));
}

export async function writeFollowSettings(change: Partial<FollowSettings>): Promise<void> {
  const values: Record<string, boolean> = {};
  if (change.enabled !== undefined) values[FOLLOW_KEYS.enabled] = change.enabled;
  if (change.paused !== undefined) values[FOLLOW_KEYS.paused] = change.paused;
  await chrome.storage.local.set(values);
}

export function watchFollowSettings(onChange: () => void): () => void {
  return watchLocalKeys(Object.values(FOLLOW_KEYS), onChange);
}

const followersSchema = z.array(presenceFollowerSchema).max(100);

export function followersFromStorage(value: unknown): PresenceFollower[] {
  const parsed = followersSchema.safeParse(value);
  return parsed.success ? parsed.data : [];
}

function followersArea(): chrome.storage.StorageArea {
  return (chrome.storage.session as chrome.storage.StorageArea | undefined) ?? chrome.storage.local;
}

export async function writeFollowers(followers: PresenceFollower[]): Promise<void> {
  await followersArea().set({ [FOLLOWERS_KEY]: followers });
}

export async function readFollowers(): Promise<PresenceFollower[]> {
  return followersFromStorage((await followersArea().get(FOLLOWERS_KEY))[FOLLOWERS_KEY]);
}

export function watchFollowers(onChange: (followers: PresenceFollower[]) => void): () => void {
  const listener = (changes: Record<string, chrome.storage.StorageChange>) => {
    const change = changes[FOLLOWERS_KEY];
    if (change !== undefined) onChange(followersFromStorage(change.newValue));
  };
  chrome.storage.onChanged.addListener(listener);
  return () => chrome.storage.onChanged.removeListener(listener);
}
