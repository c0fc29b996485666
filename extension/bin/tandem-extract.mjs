#!/usr/bin/env node
// The `tandem-extract` CLI entry: runs the extension's TypeScript adapters through tsx, as
// server/bin/tandem.mjs does for the server's CLI. This package is not "type": "module" (Plasmo
// builds it), so tsx compiles its .ts files to CommonJS: that needs tsx's require hook as well as
// its import hook, and the module's exports arrive as the CommonJS `default`.
import { register as registerRequireHook } from 'tsx/cjs/api';
import { register as registerImportHook } from 'tsx/esm/api';

registerRequireHook();
registerImportHook();
const loaded = await import('../src/cli/extract.ts');
const { main } = 'main' in loaded ? loaded : loaded.default;
process.exitCode = await main(process.argv.slice(2));
