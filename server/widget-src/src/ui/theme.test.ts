// Theme colours: whatever accent a site picks, text on it and links drawn with it stay readable.
import { describe, expect, it } from 'vitest';
import { contrast, onAccent, PALETTES, themeVariables } from './theme.js';

const theme = (accentColor: string) =>
  ({ accentColor, position: 'bottom-right', colorScheme: 'auto', title: 'Help', greeting: 'Hi' }) as const;

describe('theme', () => {
  it('computes WCAG contrast', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 0);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 1);
  });

  it.each(['#2563eb', '#fde047', '#ffffff', '#000000', '#0f766e', '#f97316', '#777777', '#808080'])(
    'text on %s reads at 4.5:1 or better',
    (accent) => {
      expect(contrast(accent, onAccent(accent))).toBeGreaterThanOrEqual(4.5);
    },
  );

  it('falls back to a readable link colour when the accent is too light', () => {
    const vars = themeVariables(theme('#fde047'));
    expect(vars['--tw-light-link']).toBe(PALETTES.light.link);
    expect(contrast(vars['--tw-dark-link'] ?? '', PALETTES.dark.bg)).toBeGreaterThanOrEqual(4.5);
    expect(themeVariables(theme('#1d4ed8'))['--tw-light-link']).toBe('#1d4ed8');
  });

  it('never passes on a malformed colour', () => {
    expect(themeVariables(theme('red;background:url(x)'))['--tw-accent']).toBe('#2563eb');
  });
});
