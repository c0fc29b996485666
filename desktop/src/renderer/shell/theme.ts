/**
 * Light and dark themes: the system's choice (prefers-color-scheme) unless the user picked one,
 * remembered in localStorage and applied as `data-theme` on <html>, which the CSS variables follow.
 */
import { useCallback, useEffect, useState } from 'react';

export type ThemeChoice = 'system' | 'light' | 'dark';
export const THEME_KEY = 'tandem.console.theme';
const CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];

function stored(): ThemeChoice {
  try {
    const value = window.localStorage.getItem(THEME_KEY);
    return CHOICES.includes(value as ThemeChoice) ? (value as ThemeChoice) : 'system';
  } catch {
    return 'system';
  }
}

function systemTheme(): 'light' | 'dark' {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function useTheme(): { choice: ThemeChoice; applied: 'light' | 'dark'; cycle(): void } {
  const [choice, setChoice] = useState<ThemeChoice>(stored);
  const [system, setSystem] = useState<'light' | 'dark'>(systemTheme);

  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return undefined;
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const update = () => setSystem(media.matches ? 'dark' : 'light');
    media.addEventListener('change', update);
    return () => media.removeEventListener('change', update);
  }, []);

  const applied = choice === 'system' ? system : choice;
  useEffect(() => {
    document.documentElement.dataset['theme'] = applied;
  }, [applied]);

  const cycle = useCallback(() => {
    setChoice((current) => {
      const next = CHOICES[(CHOICES.indexOf(current) + 1) % CHOICES.length] as ThemeChoice;
      try {
        window.localStorage.setItem(THEME_KEY, next);
      } catch {
        // Not remembered (storage blocked); the choice still applies now.
      }
      return next;
    });
  }, []);

  return { choice, applied, cycle };
}
