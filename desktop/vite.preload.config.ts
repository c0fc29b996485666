// Builds the preload script into one CommonJS file, dist/preload/preload.cjs: a sandboxed
// renderer cannot load ES module preloads, and can require nothing but `electron`.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  ssr: { noExternal: true, external: ['electron'] },
  build: {
    ssr: fileURLToPath(new URL('./src/preload/preload.ts', import.meta.url)),
    outDir: fileURLToPath(new URL('./dist/preload', import.meta.url)),
    emptyOutDir: true,
    // Preloads run in the renderer's V8, not in Node.
    target: 'chrome130',
    sourcemap: false,
    copyPublicDir: false,
    rolldownOptions: {
      external: ['electron'],
      output: { format: 'cjs', entryFileNames: 'preload.cjs' },
    },
  },
});
