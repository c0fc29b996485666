/**
 * Content scripts run inside every helpdesk page, so they stay small: each one, bundled and
 * minified the way an extension build would, pulls in no zod (validation lives in the background
 * and the CLI) and no reader it does not use, and weighs under 100 KB. esbuild stands in for the
 * Plasmo build here (seconds instead of a minute); `npm run bench -- reading` measures the real build.
 */
// eslint-disable-next-line no-restricted-imports -- the test bundles the content scripts from disk
import { readdirSync } from 'node:fs';
// eslint-disable-next-line no-restricted-imports -- the test bundles the content scripts from disk
import path from 'node:path';
// eslint-disable-next-line no-restricted-imports -- the test bundles the content scripts from disk
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const CONTENTS = import.meta.dirname;
const BUDGET_BYTES = 100 * 1024;
const SCRIPTS = readdirSync(CONTENTS).filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'));

async function bundle(file: string) {
  const result = await build({
    entryPoints: [path.join(CONTENTS, file)],
    bundle: true,
    minify: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    metafile: true,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { bytes: code.byteLength, gzipped: gzipSync(code).byteLength, inputs: Object.keys(result.metafile.inputs) };
}

describe('content script bundles', () => {
  it.each(SCRIPTS)('%s ships without zod, under 100 KB', async (file) => {
    const { bytes, gzipped, inputs } = await bundle(file);
    process.stdout.write(`${file}: ${(bytes / 1024).toFixed(1)} KB minified, ${(gzipped / 1024).toFixed(1)} KB gzipped\n`);
    expect(inputs.filter((input) => /(^|\/)zod\//.test(input))).toEqual([]);
    expect(inputs.filter((input) => input.includes('shared/src/index.ts'))).toEqual([]);
    expect(bytes).toBeLessThan(BUDGET_BYTES);
  });

  it('gives a site script its own reader only', async () => {
    const { inputs } = await bundle('zendesk.ts');
    const adapters = inputs.map((input) => path.basename(input)).filter((name) => name.endsWith('Adapter.ts') && name !== 'siteAdapter.ts');
    expect(adapters).toEqual(['zendeskAdapter.ts']);
  });
});
