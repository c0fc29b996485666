/**
 * One source for where each site runs: its descriptor. Plasmo reads a content script's
 * `config.matches` statically from `contents/<site>.ts` (a literal array, no imports), so the
 * patterns are written there too; this test holds the content scripts, the built manifest (when
 * a build exists), the host lookups and the registry to the descriptors.
 */
// eslint-disable-next-line no-restricted-imports -- the test reads the content scripts' source and the built manifest
import { existsSync, readFileSync } from 'node:fs';
// eslint-disable-next-line no-restricted-imports -- the test reads the content scripts' source and the built manifest
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { AUTO_SCRIPT_MATCHES } from '../../background/contentScriptRegistrations';
import { KNOWN_HOSTS, knownSiteForHost } from '../siteHosts';
import { DETECTABLE_SITES, SITE_REGISTRY } from '../siteRegistry';
import { DETECTABLE_DESCRIPTORS, HELPDESK_DESCRIPTORS, LOOPBACK_MATCHES } from '.';

const CONTENTS = path.resolve(import.meta.dirname, '../../contents');
const MANIFEST = path.resolve(import.meta.dirname, '../../../build/chrome-mv3-prod/manifest.json');

/** `config.matches` of a content script as Plasmo sees it: string literals in the exported `config` object, else undefined. */
function literalMatches(file: string): string[] | undefined {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (declaration.name.getText(source) !== 'config' || declaration.initializer === undefined) continue;
      if (!ts.isObjectLiteralExpression(declaration.initializer)) return undefined;
      const property = declaration.initializer.properties.find(
        (each): each is ts.PropertyAssignment => ts.isPropertyAssignment(each) && each.name.getText(source) === 'matches',
      );
      if (property === undefined || !ts.isArrayLiteralExpression(property.initializer)) return undefined;
      const values = property.initializer.elements.map((element) => (ts.isStringLiteral(element) ? element.text : undefined));
      return values.every((value): value is string => value !== undefined) ? values : undefined;
    }
  }
  return undefined;
}

interface ManifestScript {
  matches?: string[];
}

describe('site descriptors', () => {
  it.each(HELPDESK_DESCRIPTORS.map((descriptor) => [descriptor.site, descriptor] as const))(
    "contents/%s.ts declares exactly its descriptor's match patterns, as literals",
    (site, descriptor) => {
      expect(literalMatches(path.join(CONTENTS, `${site}.ts`))).toEqual(descriptor.matches);
    },
  );

  it('declares the auto-detecting script on loopback, where the background looks for it', () => {
    expect(literalMatches(path.join(CONTENTS, 'loopbackHelpdesk.ts'))).toEqual([...LOOPBACK_MATCHES]);
    expect([...AUTO_SCRIPT_MATCHES]).toEqual([...LOOPBACK_MATCHES]);
  });

  it('derives match patterns from the hosts', () => {
    for (const descriptor of HELPDESK_DESCRIPTORS) {
      expect(descriptor.hosts.length).toBeGreaterThan(0);
      expect(descriptor.matches).toEqual(descriptor.hosts.map((host) => `https://${host}/*`));
    }
  });

  it('agrees with the built manifest, when there is a build', () => {
    if (!existsSync(MANIFEST)) return;
    const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as { content_scripts?: ManifestScript[] };
    const declared = (manifest.content_scripts ?? []).map((script) => [...(script.matches ?? [])].sort());
    const wanted = [...HELPDESK_DESCRIPTORS.map((descriptor) => [...descriptor.matches]), [...LOOPBACK_MATCHES]].map((matches) =>
      matches.sort(),
    );
    expect(declared.sort()).toEqual(wanted.sort());
  });

  it('is where the host lookups come from', () => {
    expect(KNOWN_HOSTS).toEqual(
      HELPDESK_DESCRIPTORS.flatMap((descriptor) => descriptor.hosts.map((pattern) => ({ pattern, site: descriptor.site }))),
    );
    for (const descriptor of HELPDESK_DESCRIPTORS) {
      for (const host of descriptor.hosts) expect(knownSiteForHost(host.replace(/^\*\./, 'acme.'))).toBe(descriptor.site);
    }
  });

  it('is spread into each registered adapter, under its own site', () => {
    expect(DETECTABLE_SITES).toEqual(DETECTABLE_DESCRIPTORS.map((descriptor) => descriptor.site));
    for (const descriptor of DETECTABLE_DESCRIPTORS) {
      const adapter = SITE_REGISTRY[descriptor.site];
      expect({ site: adapter.site, label: adapter.label, hosts: adapter.hosts, matches: adapter.matches }).toEqual(descriptor);
      expect(adapter.signature).not.toBe('');
    }
  });
});
