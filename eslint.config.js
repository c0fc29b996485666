// One linter for the whole workspace. Beyond style, it enforces the architecture's boundaries:
// shared/ imports no app and no platform API; clients reach the server only through the
// AppRouter type; extension background code never touches `window`; inside server/src imports
// only go down the floors (scripts/lint/serverLayers.js, docs/architecture.md); the website
// widget's bundle (server/widget-src) ships without zod and never parses HTML. TypeScript is
// linted with type information, so a promise nobody awaits or handles is an error, and React
// code follows the rules of hooks.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { serverLayers } from './scripts/lint/serverLayers.js';

const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'crypto',
  'http',
  'https',
  'net',
  'child_process',
  'worker_threads',
  'stream',
  'url',
  'util',
  'zlib',
  'buffer',
  'events',
];

const appPackages = [
  '@tandem/server',
  '@tandem/server/*',
  '@tandem/extension',
  '@tandem/extension/*',
  '@tandem/desktop',
  '@tandem/desktop/*',
  '@tandem/panel',
  '@tandem/panel/*',
];

const clientServerImport = {
  paths: [
    {
      name: '@tandem/server/app-router',
      allowTypeImports: true,
      message: 'Clients import only the AppRouter *type* from the server: `import type { AppRouter } from "@tandem/server/app-router"`.',
    },
  ],
  patterns: [
    {
      group: ['@tandem/server', '@tandem/server/*', '!@tandem/server/app-router', '**/server/src/**'],
      message: 'Clients reach the server only through tRPC: import the AppRouter type from "@tandem/server/app-router".',
    },
  ],
};

const pageCodeMessage =
  'Content scripts run in every helpdesk page and ship without zod: use @tandem/shared/ticket-reading, messages/pageMessages.ts or settings/siteSettingsReading.ts (types may come from anywhere).';
const pageCodeImports = {
  paths: [
    ...clientServerImport.paths,
    { name: 'zod', message: pageCodeMessage },
    { name: '@tandem/shared', allowTypeImports: true, message: pageCodeMessage },
  ],
  patterns: [{ group: ['**/messages/messages', '**/settings/siteSettings'], allowTypeImports: true, message: pageCodeMessage }],
};

const widgetBundleMessage =
  'The widget bundle ships without zod under a 35 KB budget: read values with contract/guards.ts (types may come from anywhere).';
const widgetBundleImports = {
  paths: [
    { name: 'zod', message: widgetBundleMessage },
    { name: '@tandem/shared', allowTypeImports: true, message: widgetBundleMessage },
  ],
  patterns: [
    { group: nodeBuiltins, message: 'The widget bundle runs in the browser: no Node API.' },
    { group: ['@tandem/server', '@tandem/server/*'], message: 'The widget bundle talks to the server over HTTP only.' },
    // Its folders are one level deep, so climbing two levels leaves the bundle (into server/src, say).
    { regex: '^(\\.\\./){2,}', message: 'The widget bundle imports only its own modules; it talks to the server over HTTP.' },
  ],
};

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', '**/build/**', '**/.plasmo/**', '**/.data/**', '**/.scratch/**', 'coverage/**'],
  },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  ...tseslint.configs.strict,
  ...tseslint.configs.stylistic,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/consistent-type-definitions': 'off',
      eqeqeq: ['error', 'always'],
      'no-console': 'error',
    },
  },
  {
    // Every TypeScript file belongs to one of these projects; type information is what lets lint see promises.
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: {
        project: [
          './tsconfig.json',
          './shared/tsconfig.json',
          './server/tsconfig.json',
          './extension/tsconfig.json',
          './desktop/tsconfig.json',
          './desktop/tsconfig.main.json',
          './panel/tsconfig.json',
          './e2e/tsconfig.json',
          './bench/tsconfig.json',
          './server/widget-src/tsconfig.json',
        ],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    files: ['extension/**/*.{ts,tsx}', 'desktop/src/renderer/**/*.{ts,tsx}', 'panel/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    files: [
      'server/**',
      'scripts/**',
      'e2e/**',
      'bench/**',
      '*.config.{js,ts}',
      'desktop/src/main/**',
      'desktop/src/preload/**',
      'desktop/*.config.ts',
      'extension/bin/**',
      'extension/src/cli/**',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['scripts/**', 'bench/**'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['extension/**', 'desktop/src/renderer/**', 'panel/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // The shared assist panel renders in the extension's side panel and in the desktop Copilot
    // screen: React and @tandem/shared only, no app (nor the server), no Node, no `chrome.*` (the
    // extension's hooks stay in extension/ and hand the panel what it shows).
    files: ['panel/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@tandem/server',
                '@tandem/server/*',
                '@tandem/extension',
                '@tandem/extension/*',
                '@tandem/desktop',
                '@tandem/desktop/*',
              ],
              message: 'The panel is used by the extension and the desktop app and must not import either (nor the server).',
            },
            {
              group: ['**/server/**', '**/extension/**', '**/desktop/**', '../../*'],
              message: 'The panel must not reach into an app folder.',
            },
            { group: nodeBuiltins, message: 'The panel runs in a browser page: no Node API.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['chrome', 'process', 'Buffer', 'require', '__dirname'].map((name) => ({
          name,
          message:
            'The panel runs in both the extension and the desktop app: no `chrome` or Node global (look an API up, as openLink does).',
        })),
      ],
    },
  },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: appPackages, message: 'shared/ is used by every app and must not import one.' },
            {
              group: ['**/server/**', '**/extension/**', '**/desktop/**', '../../*'],
              message: 'shared/ must not reach into an app folder.',
            },
            { group: nodeBuiltins, message: 'shared/ is pure TypeScript: no Node-only API.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage', 'chrome', 'process', 'Buffer', 'require', '__dirname'].map((name) => ({
          name,
          message: 'shared/ is pure TypeScript: no Node- or browser-only global.',
        })),
      ],
    },
  },
  {
    files: ['extension/**', 'desktop/src/**'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', clientServerImport] },
  },
  {
    // Code that runs inside helpdesk pages ships in every page, so zod stays out of it: validation
    // lives in the background and the CLI. Types from zod-built modules are fine (they are erased).
    files: [
      'extension/src/contents/**',
      'extension/src/adapters/**',
      'extension/src/ticketWatch/**',
      'extension/src/composer/**',
      'extension/src/messages/pageMessages.ts',
      'extension/src/settings/siteSettingsReading.ts',
    ],
    ignores: ['**/*.test.ts', 'extension/src/adapters/fixtureHarness/**'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', pageCodeImports] },
  },
  {
    // The website widget's bundle runs in customers' pages under a 35 KB budget: browser code only,
    // no zod (its readers are contract/guards.ts), types alone from @tandem/shared, and no HTML
    // parsing of any string (text goes in as text nodes, links only through safeLink.ts).
    files: ['server/widget-src/src/**'],
    ignores: ['**/*.test.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-globals': [
        'error',
        ...['process', 'Buffer', 'require', '__dirname', 'global'].map((name) => ({
          name,
          message: 'The widget bundle runs in the browser.',
        })),
      ],
      '@typescript-eslint/no-restricted-imports': ['error', widgetBundleImports],
      'no-restricted-properties': [
        'error',
        ...['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'srcdoc', 'createContextualFragment', 'setHTMLUnsafe'].map((property) => ({
          property,
          message: 'The widget renders text as text: use textContent or ui/dom.ts.',
        })),
        ...['write', 'writeln'].map((property) => ({ object: 'document', property, message: 'The widget renders text as text.' })),
      ],
    },
  },
  {
    files: ['server/src/**'],
    plugins: { tandem: { rules: { 'server-layers': serverLayers } } },
    rules: { 'tandem/server-layers': 'error' },
  },
  {
    files: ['extension/**'],
    // The tandem-extract CLI (bin/, src/cli/) runs in Node, reading saved pages from disk.
    ignores: ['extension/src/tools/**', 'extension/bin/**', 'extension/src/cli/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: nodeBuiltins, message: 'The extension runs in the browser: no Node API.' }] },
      ],
    },
  },
  {
    files: ['extension/src/background/**', 'extension/src/background.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'localStorage', 'sessionStorage', 'alert'].map((name) => ({
          name,
          message: 'The MV3 background is a service worker: it has no window or DOM.',
        })),
      ],
    },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', '**/*.contract.ts', 'e2e/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  prettier,
);
