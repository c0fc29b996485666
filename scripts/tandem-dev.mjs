#!/usr/bin/env node
// The two README commands. `npm start` and `npm test` must work on a fresh machine with only
// Node 20 and npm, so this script (plain Node, no dependencies) installs what is missing first:
// pnpm 9.15.9, the workspace packages (only when the lockfile or a manifest changed), the
// Chromium the browser tests drive, and the builds (extension, console, website widget).
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PNPM_VERSION = '9.15.9';
const CHROMIUM = process.env.TANDEM_CHROMIUM ?? '/usr/bin/chromium';
const WORKSPACE_MANIFESTS = [
  'package.json',
  'pnpm-lock.yaml',
  'pnpm-workspace.yaml',
  '.npmrc',
  'shared/package.json',
  'server/package.json',
  'extension/package.json',
  'desktop/package.json',
];
const installEnv = { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1', ONNXRUNTIME_NODE_INSTALL: 'skip' };

function step(message) {
  console.log(`\n▸ ${message}`);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: installEnv, ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function runOrExit(command, args, options) {
  const status = run(command, args, options);
  if (status !== 0) {
    console.error(`\n✖ ${[command, ...args].join(' ')} exited with ${status}`);
    process.exit(status);
  }
}

function checkNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    console.error(`Tandem needs Node 20.19 or newer; this is ${process.version}.`);
    process.exit(1);
  }
}

/** pnpm on PATH at the pinned version, else through npx (downloads it once into npm's cache). */
function pnpmCommand() {
  const probe = spawnSync('pnpm', ['--version'], { encoding: 'utf8' });
  if (probe.status === 0 && probe.stdout.trim() === PNPM_VERSION) return ['pnpm'];
  return ['npx', '--yes', `pnpm@${PNPM_VERSION}`];
}

function pnpm(args) {
  const [command, ...prefix] = pnpmCommand();
  runOrExit(command, [...prefix, ...args]);
}

function manifestsDigest() {
  const hash = createHash('sha256');
  for (const file of WORKSPACE_MANIFESTS) {
    const full = path.join(root, file);
    hash.update(file).update(existsSync(full) ? readFileSync(full) : '');
  }
  return hash.digest('hex');
}

function ensureInstalled() {
  const stamp = path.join(root, 'node_modules', '.tandem-install-digest');
  const digest = manifestsDigest();
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === digest) return;
  step('Installing workspace packages (pnpm install --frozen-lockfile)');
  pnpm(['install', '--frozen-lockfile']);
  writeFileSync(stamp, digest);
}

function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { encoding: 'utf8' }).status === 0;
  if (!isRoot || !hasApt) {
    console.error(
      `\n✖ The browser tests need Chromium at ${CHROMIUM}.\n  Install it (Debian/Ubuntu: sudo apt-get install -y chromium) or point TANDEM_CHROMIUM at a Chromium binary.`,
    );
    process.exit(1);
  }
  step('Installing Chromium for the browser tests (apt-get install chromium)');
  runOrExit('apt-get', ['update', '-qq']);
  runOrExit('apt-get', ['install', '-y', '-qq', 'chromium'], { env: { ...installEnv, DEBIAN_FRONTEND: 'noninteractive' } });
}

function build() {
  step('Building the console, the extension and the website widget');
  pnpm(['--filter', '@tandem/desktop', '--filter', '@tandem/extension', '--filter', '@tandem/server', 'run', 'build']);
}

function start() {
  build();
  const extensionDir = path.join(root, 'extension', 'build', 'chrome-mv3-prod');
  console.log(`\n  Extension      ${extensionDir}\n                 (chrome://extensions → Developer mode → Load unpacked)`);
  const server = spawn(process.execPath, [path.join(root, 'server', 'bin', 'tandem.mjs'), 'serve'], { cwd: root, stdio: 'inherit' });
  // The server shuts itself down cleanly on SIGINT/SIGTERM; pass ours on and exit with it.
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
  server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

/** Runs commands side by side (the machine's cores are otherwise idle during each); exits if any failed. */
async function runTogether(commands) {
  const statuses = await Promise.all(
    commands.map(
      ([command, args]) =>
        new Promise((resolve) => {
          const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: installEnv });
          child.on('error', () => resolve(1));
          child.on('exit', (code) => resolve(code ?? 1));
        }),
    ),
  );
  const failed = commands.filter((_, i) => statuses[i] !== 0);
  for (const [command, args] of failed) console.error(`\n✖ ${[command, ...args].join(' ')} failed`);
  if (failed.length > 0) process.exit(1);
}

async function test() {
  ensureChromium();
  build();
  step('Lint (zero warnings, with type information), format, and typecheck every package');
  const [pnpmCmd, ...pnpmPrefix] = pnpmCommand();
  await runTogether([
    [process.execPath, [path.join(root, 'node_modules', 'eslint', 'bin', 'eslint.js'), '.', '--max-warnings', '0']],
    // Not --silent: with it, pnpm -r hides the compiler's errors and CI shows only that typecheck failed.
    [pnpmCmd, [...pnpmPrefix, 'run', 'typecheck']],
  ]);
  runOrExit(process.execPath, [path.join(root, 'node_modules', 'prettier', 'bin', 'prettier.cjs'), '--check', '.', '--log-level', 'warn']);
  step('Unit, integration and browser tests (vitest)');
  const report = path.join(root, 'node_modules', '.tandem-test-results.json');
  const status = run(process.execPath, [
    path.join(root, 'node_modules', 'vitest', 'vitest.mjs'),
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ]);
  if (existsSync(report)) {
    const r = JSON.parse(readFileSync(report, 'utf8'));
    const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
    console.log(`\ntests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`);
  }
  process.exit(status);
}

function bench() {
  build();
  step('Benchmarks (results go to BENCHMARKS.md)');
  runOrExit(process.execPath, [
    path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
    path.join(root, 'bench', 'run.ts'),
    ...process.argv.slice(3),
  ]);
}

checkNode();
ensureInstalled();
const command = process.argv[2];
if (command === 'start') start();
else if (command === 'test') await test();
else if (command === 'bench') bench();
else {
  console.error('usage: node scripts/tandem-dev.mjs start|test|bench');
  process.exit(2);
}
