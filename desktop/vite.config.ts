// Builds the React renderer: the console the Electron window shows and the server serves at /console/.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

// The server URL is typed in by the user, so the console may call any http(s) origin; scripts,
// styles and everything else come only from the console itself.
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self' http: https:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

const CSP_MARKER = '<!-- content-security-policy -->';

/**
 * Puts the CSP where index.html marks it (before any script) in the production build only: the
 * dev server needs inline scripts for fast refresh.
 */
function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'tandem-console-csp',
    apply: 'build',
    transformIndexHtml(html) {
      if (!html.includes(CSP_MARKER)) throw new Error(`index.html lost its ${CSP_MARKER} marker`);
      return html.replace(CSP_MARKER, `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}" />`);
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('./src/renderer', import.meta.url)),
  // The server mounts the build at /console/ with an SPA fallback; Electron serves the same
  // folder under the same path through its app protocol, so one build works in both.
  base: '/console/',
  plugins: [react(), contentSecurityPolicyMeta()],
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
  },
});
