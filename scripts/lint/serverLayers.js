// ESLint rule `tandem/server-layers`: the floors inside server/src. A module may import its own
// unit and the floors below it, never a floor above; the domain units on one floor stay apart
// (assist reads knowledge and live, and the widget reads assist and live, only through their public
// entry points); nothing but the composition root reaches the demo store plugin; production code
// never imports test helpers.
// docs/architecture.md explains the floors; keep the table below and that page in step.
import path from 'node:path';

/** Top-level unit of server/src (a folder, or a root file without its extension) → its floor. */
export const SERVER_FLOORS = {
  config: 0,
  errors: 0,
  logging: 0,
  security: 0,
  language: 0,
  storage: 1,
  auth: 2,
  knowledge: 2,
  live: 2,
  assist: 2,
  widget: 2,
  analytics: 2,
  trpc: 3,
  routers: 3,
  http: 3,
  plugins: 3,
  demoStore: 3,
  cli: 4,
  createServer: 4,
};

const FLOOR_NAMES = ['foundation (config, errors, logging, security, language)', 'storage', 'domain', 'interface', 'composition'];

/** What a domain unit may read of another domain unit: its public entry point only. */
const PUBLIC_ENTRY = {
  assist: { knowledge: 'knowledge/index.ts', live: 'live/index.ts' },
  widget: { assist: 'assist/index.ts', live: 'live/index.ts' },
  // Alerts are delivered through live.alerts and outbound webhooks.
  analytics: { live: 'live/index.ts' },
};

const TEST_FILE = /\.(test|contract|fixture)\.tsx?$/;

/** `{ unit, rest }` of an absolute path inside server/src, or undefined outside it. */
function unitOf(file) {
  const marker = `${path.sep}server${path.sep}src${path.sep}`;
  const at = file.lastIndexOf(marker);
  if (at < 0) return undefined;
  const inside = file.slice(at + marker.length).split(path.sep);
  const unit = inside.length === 1 ? inside[0].replace(/\.(test\.)?(tsx?|js)$/, '') : inside[0];
  return { unit, rest: inside.join('/') };
}

function isTestCode(file, unit) {
  return unit === 'testing' || TEST_FILE.test(file);
}

/** The import's target without its extension, so `x.js` names the source file `x.ts`. */
function withoutExtension(rest) {
  return rest.replace(/\.(js|ts|tsx|mjs)$/, '');
}

/** @type {import('eslint').Rule.RuleModule} */
export const serverLayers = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the floors inside server/src (docs/architecture.md)' },
    schema: [],
    messages: {
      upward:
        '{{from}} (floor {{fromFloor}}: {{fromName}}) may not import {{to}} (floor {{toFloor}}: {{toName}}): imports only go down the floors.',
      sideways: '{{from}} may not import {{to}}: domain units on one floor stay apart{{hint}}.',
      demoStore:
        'Only createServer reaches the demo store: it is one optional plugin, and live facts and actions reach it through the connector and webhook interfaces a real shop uses.',
      demoStoreImports: 'The demo store plugin stands in for a real shop: it may use only the foundation and storage, not {{to}}.',
      testing: 'Production code may not import test helpers (server/src/testing).',
      unknown: 'server/src/{{unit}} has no floor: add it to SERVER_FLOORS in scripts/lint/serverLayers.js and to docs/architecture.md.',
    },
  },
  create(context) {
    const file = context.filename;
    const source = unitOf(file);
    if (source === undefined) return {};
    const testCode = isTestCode(file, source.unit);
    const fromFloor = SERVER_FLOORS[source.unit];

    function check(node, specifier) {
      if (typeof specifier !== 'string' || !specifier.startsWith('.')) return;
      const target = unitOf(path.resolve(path.dirname(file), specifier));
      if (target === undefined || target.unit === source.unit) return;
      if (target.unit === 'testing') {
        if (!testCode) context.report({ node, messageId: 'testing' });
        return;
      }
      // Tests may assemble any parts they need; the floors bind production code.
      if (testCode) return;
      if (fromFloor === undefined) {
        context.report({ node, messageId: 'unknown', data: { unit: source.unit } });
        return;
      }
      const toFloor = SERVER_FLOORS[target.unit];
      if (toFloor === undefined) {
        context.report({ node, messageId: 'unknown', data: { unit: target.unit } });
        return;
      }
      if (target.unit === 'demoStore') {
        if (source.unit !== 'createServer') context.report({ node, messageId: 'demoStore' });
        return;
      }
      if (source.unit === 'demoStore' && toFloor > 1) {
        context.report({ node, messageId: 'demoStoreImports', data: { to: target.unit } });
        return;
      }
      if (toFloor > fromFloor) {
        context.report({
          node,
          messageId: 'upward',
          data: {
            from: source.unit,
            fromFloor,
            fromName: FLOOR_NAMES[fromFloor],
            to: target.unit,
            toFloor,
            toName: FLOOR_NAMES[toFloor],
          },
        });
        return;
      }
      if (toFloor === 2 && fromFloor === 2) {
        const entry = PUBLIC_ENTRY[source.unit]?.[target.unit];
        if (entry !== undefined && withoutExtension(target.rest) === withoutExtension(entry)) return;
        const hint = entry === undefined ? '' : ` (${source.unit} reads ${target.unit} through ${entry} only)`;
        context.report({ node, messageId: 'sideways', data: { from: source.unit, to: target.rest, hint } });
      }
    }

    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};
