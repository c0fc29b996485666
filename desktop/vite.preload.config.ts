// Builds the preload scripts, each into one CommonJS file in dist/preload: preload.cjs (the
// console window's bridge) and helpdeskPreload.cjs (the helpdesk tabs' site adapters). A
// sandboxed renderer cannot load ES module preloads and can require nothing but `electron`, so
// neither may share a chunk with the other: the helpdesk preload is a second, separate build,
// started once the first has written its file (one `vite build --config` builds both).
import { fileURLToPath } from 'node:url';
import { build, defineConfig, type Plugin, type UserConfig } from 'vite';

const outDir = fileURLToPath(new URL('./dist/preload', import.meta.url));

function preloadBuild(entry: string, fileName: string, emptyOutDir: boolean): UserConfig {
  return {
    ssr: { noExternal: true, external: ['electron'] },
    build: {
      ssr: fileURLToPath(new URL(entry, import.meta.url)),
      outDir,
      emptyOutDir,
      // Preloads run in the renderer's V8, not in Node.
      target: 'chrome130',
      sourcemap: false,
      copyPublicDir: false,
      rolldownOptions: {
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: fileName },
      },
    },
  };
}

function alsoBuildHelpdeskPreload(): Plugin {
  return {
    name: 'tandem-helpdesk-preload',
    apply: 'build',
    async closeBundle() {
      // configFile: false, or the nested build would load this file and start itself again.
      await build({ configFile: false, ...preloadBuild('./src/preload/helpdeskPreload.ts', 'helpdeskPreload.cjs', false) });
    },
  };
}

export default defineConfig({
  ...preloadBuild('./src/preload/preload.ts', 'preload.cjs', true),
  plugins: [alsoBuildHelpdeskPreload()],
});
