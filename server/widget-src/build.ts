/**
 * Builds the embeddable widget (src/main.ts) into one minified script, dist/widget.js, which the
 * server serves at /widget.js. `npm start` and `npm test` run it (`pnpm --filter @tandem/server
 * build`); the e2e tests and the bundle-size benchmark call buildWidget() themselves. Fails when
 * the gzipped bundle is over its 35 KB budget.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

export const WIDGET_BUNDLE = path.join(import.meta.dirname, 'dist', 'widget.js');
export const WIDGET_BUDGET_GZIP_BYTES = 35 * 1024;

export interface BuiltWidget {
  file: string;
  code: Uint8Array;
  bytes: number;
  gzipBytes: number;
}

export async function buildWidget(options: { outFile?: string; write?: boolean } = {}): Promise<BuiltWidget> {
  const file = options.outFile ?? WIDGET_BUNDLE;
  const result = await build({
    entryPoints: [path.join(import.meta.dirname, 'src', 'main.ts')],
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    // Browsers of the last few years, the Safari of iOS 15 included.
    target: ['es2020', 'chrome92', 'firefox90', 'safari15'],
    legalComments: 'none',
    charset: 'utf8',
    write: false,
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (output === undefined) throw new Error('esbuild produced no widget bundle');
  const code = output.contents;
  if (options.write !== false) {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, code);
  }
  return { file, code, bytes: code.byteLength, gzipBytes: gzipSync(code, { level: 9 }).byteLength };
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  const built = await buildWidget();
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  process.stdout.write(
    `widget.js ${kb(built.bytes)} (${kb(built.gzipBytes)} gzipped, budget ${kb(WIDGET_BUDGET_GZIP_BYTES)}) in ${Math.round(performance.now() - started)} ms → ${path.relative(process.cwd(), built.file)}\n`,
  );
  if (built.gzipBytes > WIDGET_BUDGET_GZIP_BYTES) {
    process.stderr.write('widget.js is over its gzipped size budget\n');
    process.exit(1);
  }
}
