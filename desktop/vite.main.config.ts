// Builds the Electron main process into one ES module, dist/main/main.js (package.json "main").
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  // Bundle every dependency so the app runs without node_modules; electron is the runtime itself.
  ssr: { noExternal: true, external: ['electron'] },
  build: {
    ssr: fileURLToPath(new URL('./src/main/main.ts', import.meta.url)),
    outDir: fileURLToPath(new URL('./dist/main', import.meta.url)),
    emptyOutDir: true,
    target: 'node22',
    sourcemap: true,
    copyPublicDir: false,
    rolldownOptions: {
      external: ['electron'],
      output: { format: 'es', entryFileNames: 'main.js' },
    },
  },
});
