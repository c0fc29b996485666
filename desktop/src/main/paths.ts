/**
 * Where the built pieces sit relative to the bundled main process (dist/main/main.js), so the
 * window finds its preload and the app protocol its renderer in development and when packaged.
 */
import path from 'node:path';

const distDir = path.resolve(import.meta.dirname, '..');

export const preloadPath = path.join(distDir, 'preload', 'preload.cjs');
/** The helpdesk tabs' preload: the site adapters and composer insert, no bridge to the page. */
export const helpdeskPreloadPath = path.join(distDir, 'preload', 'helpdeskPreload.cjs');
export const rendererDir = path.join(distDir, 'renderer');
