/**
 * The website widget's bundle size: built exactly as `npm start` builds it (esbuild, minified),
 * measured raw and gzipped (level 9, as the server sends it) against its 35 KB budget, with the
 * zod-based alternative it avoids measured in the same run: the shared widget schemas bundled
 * alone, minified and gzipped the same way.
 */
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { build } from 'esbuild';
import { buildWidget, WIDGET_BUDGET_GZIP_BYTES } from '../../server/widget-src/build.js';
import type { BenchRow } from '../report.js';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** The contract's zod event schema bundled for a browser on its own: what reading events with zod would add. */
async function zodSchemasGzip(): Promise<number> {
  const result = await build({
    stdin: {
      contents:
        "import { widgetEventSchema } from './shared/src/widget.js';\n(globalThis as Record<string, unknown>).read = (v: unknown) => widgetEventSchema.safeParse(v).success;\n",
      resolveDir: path.resolve(import.meta.dirname, '../..'),
      loader: 'ts',
    },
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.contents;
  if (code === undefined) throw new Error('esbuild produced no bundle');
  return gzipSync(code, { level: 9 }).byteLength;
}

export async function widgetBundleBench(): Promise<BenchRow[]> {
  const built = await buildWidget({ write: false });
  const zodGzip = await zodSchemasGzip();
  const within = built.gzipBytes <= WIDGET_BUDGET_GZIP_BYTES ? 'within' : 'OVER';
  return [
    {
      area: 'widget',
      metric: `website widget bundle /widget.js, gzipped (level 9) / minified (budget ${kb(WIDGET_BUDGET_GZIP_BYTES)} gzipped)`,
      value: `${kb(built.gzipBytes)} / ${kb(built.bytes)} (${within} budget)`,
      peer: `zod with the shared widget event schema alone, bundled the same way: ${kb(zodGzip)} gzipped`,
      command: '`npm run bench -- widget`',
    },
  ];
}
