/**
 * The built content scripts' sizes, per site, raw and gzipped, from the extension's production
 * build (`npm run bench` builds first): each site's script is found in the manifest by its
 * descriptor's match patterns, as the background finds it for a mapped host. The side panel
 * bundle of the same build is the peer.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { EXTENSION_DIR } from '../../e2e/harness/chromium.js';
import { HELPDESK_DESCRIPTORS, LOOPBACK_MATCHES } from '../../extension/src/adapters/sites/index.js';

export interface BundleSize {
  name: string;
  file: string;
  bytes: number;
  gzipped: number;
}

interface Manifest {
  content_scripts?: { matches?: string[]; js?: string[] }[];
}

async function sizeOf(name: string, file: string): Promise<BundleSize> {
  const contents = await readFile(path.join(EXTENSION_DIR, file));
  return { name, file, bytes: contents.byteLength, gzipped: gzipSync(contents, { level: 9 }).byteLength };
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((item) => b.includes(item));

export async function builtSizes(): Promise<{ scripts: BundleSize[]; sidePanel: BundleSize; builtAt: Date }> {
  const manifestPath = path.join(EXTENSION_DIR, 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as Manifest;
  const wanted = [
    // A site's script also runs on hosts an admin mapped to that site; the auto script only on loopback and 'auto' mappings.
    ...HELPDESK_DESCRIPTORS.map((descriptor) => ({ name: `${descriptor.site} (own and mapped hosts)`, matches: descriptor.matches })),
    { name: "auto (loopback, 'auto' mappings)", matches: LOOPBACK_MATCHES },
  ];
  const scripts = await Promise.all(
    wanted.map(({ name, matches }) => {
      const file = manifest.content_scripts?.find((script) => sameList(script.matches ?? [], matches))?.js?.[0];
      if (file === undefined) throw new Error(`The built manifest has no content script for ${name}`);
      return sizeOf(name, file);
    }),
  );
  const panelHtml = await readFile(path.join(EXTENSION_DIR, 'sidepanel.html'), 'utf8');
  const panelFile = /src="\/?([^"]+\.js)"/.exec(panelHtml)?.[1];
  if (panelFile === undefined) throw new Error('sidepanel.html names no script');
  return { scripts, sidePanel: await sizeOf('side panel', panelFile), builtAt: (await stat(manifestPath)).mtime };
}
