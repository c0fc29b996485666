/**
 * Checks one state of the side panel (or the options page) the way issue 20 asks, at 400×900 and 480×900, light and
 * dark: a screenshot of each into .data/screenshots/side-panel (git-ignored), no horizontal
 * overflow (also with the text at 200 %), and no serious or critical axe-core violations.
 * Optionally: the draft's first line and Insert within the first 600 px.
 */
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '../../.data/screenshots/side-panel');
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
export const FOLD_PX = 600;

export const VARIANTS = [
  { width: 400, scheme: 'light' },
  { width: 400, scheme: 'dark' },
  { width: 480, scheme: 'light' },
  { width: 480, scheme: 'dark' },
] as const;

export interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: string[];
}

export async function seriousAxeViolations(page: Page): Promise<{ violations: AxeViolation[]; checked: number }> {
  // Evaluated by the driver: the extension page's CSP rightly refuses inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(async () => {
    interface AxeResult {
      violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[];
      passes: { nodes: unknown[] }[];
    }
    const axe = (window as unknown as { axe: { run(context: unknown): Promise<AxeResult> } }).axe;
    const run = await axe.run(document);
    return {
      violations: run.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => JSON.stringify(n.target)) })),
      checked: run.passes.reduce((n, p) => n + p.nodes.length, 0),
    };
  });
  return { violations: result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'), checked: result.checked };
}

/** How far the page scrolls sideways (0 when it fits). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Bottom edges (px from the top of the panel) of the draft's first line of text and of Insert. */
export function foldPositions(page: Page): Promise<{ firstLine: number; insert: number }> {
  return page.evaluate(() => {
    window.scrollTo(0, 0);
    const text = document.querySelector('[data-testid="draft-text"]');
    const insert = document.querySelector('[data-testid="insert-draft"]');
    if (text === null || insert === null) throw new Error('no draft text or Insert button');
    const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
    let node = walker.nextNode();
    while (node !== null && (node.textContent ?? '').trim() === '') node = walker.nextNode();
    if (node === null) throw new Error('the draft has no text yet');
    const range = document.createRange();
    range.selectNodeContents(node);
    const first = range.getClientRects()[0];
    if (first === undefined) throw new Error('the draft text has no box');
    return { firstLine: first.bottom, insert: insert.getBoundingClientRect().bottom };
  });
}

export interface AuditOptions {
  /** Assert the draft's first line and Insert are within the first 600 px. */
  aboveFold?: boolean;
  /** Re-establishes the state before each variant (a state that does not last, e.g. connecting). */
  before?: () => Promise<void>;
  /** Asserted before each screenshot, so a state that moved on is not photographed under its name. */
  stillThere: () => Promise<void>;
}

export async function auditPanelState(page: Page, name: string, options: AuditOptions): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  for (const variant of VARIANTS) {
    await page.setViewportSize({ width: variant.width, height: 900 });
    await page.emulateMedia({ colorScheme: variant.scheme, reducedMotion: 'reduce' });
    await options.before?.();
    await options.stillThere();
    const label = `${name} at ${variant.width} px, ${variant.scheme}`;
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}-${variant.width}-${variant.scheme}.png`) });
    expect(await horizontalOverflow(page), `${label}: horizontal overflow`).toBeLessThanOrEqual(0);
    if (options.aboveFold === true) {
      const fold = await foldPositions(page);
      expect(fold.firstLine, `${label}: the draft's first line`).toBeLessThanOrEqual(FOLD_PX);
      expect(fold.insert, `${label}: Insert`).toBeLessThanOrEqual(FOLD_PX);
    }
    const axe = await seriousAxeViolations(page);
    expect(axe.checked, `${label}: axe checked nothing`).toBeGreaterThan(5);
    expect(axe.violations, `${label}: axe`).toEqual([]);
  }
  // The browser's text size at 200 % (rem-based type): still no sideways scrolling at 400 px.
  await page.setViewportSize({ width: 400, height: 900 });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.evaluate(() => {
    document.documentElement.style.fontSize = '200%';
  });
  try {
    await options.stillThere();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}-400-text200.png`) });
    expect(await horizontalOverflow(page), `${name} with 200 % text: horizontal overflow`).toBeLessThanOrEqual(0);
  } finally {
    await page.evaluate(() => {
      document.documentElement.style.fontSize = '';
    });
  }
}
