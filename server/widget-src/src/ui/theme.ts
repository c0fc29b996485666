/**
 * The site's theme as CSS custom properties on the widget's host. The accent colour is the site's
 * choice, so what goes on it (text on the launcher and the visitor's bubbles) and what is drawn
 * with it on the panel (links, focus rings) is picked for contrast (WCAG 2.x: 4.5:1 for text, 3:1
 * for a focus ring), falling back to a readable colour when the accent is too light or too dark.
 */
import type { WidgetTheme } from '@tandem/shared';

type Rgb = [number, number, number];

const HEX = /^#([0-9a-fA-F]{6})$/;

function rgbOf(hex: string): Rgb | undefined {
  const match = HEX.exec(hex);
  if (match === null) return undefined;
  const n = parseInt(match[1] ?? '', 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function luminance([r, g, b]: Rgb): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

export function contrast(a: string, b: string): number {
  const ra = rgbOf(a);
  const rb = rgbOf(b);
  if (ra === undefined || rb === undefined) return 1;
  const [hi, lo] = [luminance(ra), luminance(rb)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const WHITE = '#ffffff';
// Pure black: with white, one of the two always reaches 4.58:1, whatever the accent.
const INK = '#000000';
export const PALETTES = {
  light: { bg: '#ffffff', surface: '#f3f4f6', text: '#111827', muted: '#4b5563', border: '#d1d5db', link: '#1d4ed8' },
  dark: { bg: '#111827', surface: '#1f2937', text: '#f9fafb', muted: '#d1d5db', border: '#4b5563', link: '#93c5fd' },
} as const;

/** Text colour on the accent: white or ink, whichever reads better. */
export function onAccent(accent: string): string {
  return contrast(accent, WHITE) >= contrast(accent, INK) ? WHITE : INK;
}

/** The custom properties for one colour scheme. */
export function schemeVariables(accent: string, scheme: keyof typeof PALETTES): Record<string, string> {
  const p = PALETTES[scheme];
  return {
    [`--tw-${scheme}-bg`]: p.bg,
    [`--tw-${scheme}-surface`]: p.surface,
    [`--tw-${scheme}-text`]: p.text,
    [`--tw-${scheme}-muted`]: p.muted,
    [`--tw-${scheme}-border`]: p.border,
    [`--tw-${scheme}-link`]: contrast(accent, p.bg) >= 4.5 && contrast(accent, p.surface) >= 4.5 ? accent : p.link,
    [`--tw-${scheme}-focus`]: contrast(accent, p.bg) >= 3 ? accent : p.text,
  };
}

/** Every custom property the stylesheet reads, for this theme. */
export function themeVariables(theme: WidgetTheme): Record<string, string> {
  const accent = rgbOf(theme.accentColor) === undefined ? '#2563eb' : theme.accentColor;
  return {
    '--tw-accent': accent,
    '--tw-on-accent': onAccent(accent),
    ...schemeVariables(accent, 'light'),
    ...schemeVariables(accent, 'dark'),
  };
}
