/**
 * What DOCX, PPTX and XLSX share as Office Open XML packages: relationship files that say which
 * part is which (slide order, sheet files), and the core properties (title, language).
 */
import { scanXml } from './xmlScanner.js';
import type { ZipArchive } from './zipArchive.js';

export interface Relationship {
  type: string;
  /** Package path of the target part, without a leading slash. */
  target: string;
  external: boolean;
}

/** The relationships of `part` (e.g. 'ppt/presentation.xml'), keyed by relationship id. */
export async function readRelationships(zip: ZipArchive, part: string): Promise<Map<string, Relationship>> {
  const slash = part.lastIndexOf('/');
  const folder = part.slice(0, slash + 1);
  const xml = await zip.readText(`${folder}_rels/${part.slice(slash + 1)}.rels`);
  const relationships = new Map<string, Relationship>();
  if (xml === undefined) return relationships;
  scanXml(xml, {
    open(name, attributes) {
      const { Id: id, Type: type = '', Target: target, TargetMode: mode } = attributes;
      if (name !== 'Relationship' || !id || !target) return;
      const external = mode === 'External';
      relationships.set(id, { type, target: external ? target : resolvePartPath(folder, target), external });
    },
  });
  return relationships;
}

export function resolvePartPath(folder: string, target: string): string {
  const segments = target.startsWith('/') ? [] : folder.split('/').filter(Boolean);
  for (const segment of target.split('/')) {
    if (segment === '..') segments.pop();
    else if (segment && segment !== '.') segments.push(segment);
  }
  return segments.join('/');
}

export interface CoreProperties {
  title?: string;
  language?: string;
}

export async function readCoreProperties(zip: ZipArchive): Promise<CoreProperties> {
  const xml = await zip.readText('docProps/core.xml');
  const properties: CoreProperties = {};
  if (xml === undefined) return properties;
  let current: 'title' | 'language' | undefined;
  scanXml(xml, {
    open(name) {
      current = name === 'title' || name === 'language' ? name : undefined;
    },
    close() {
      current = undefined;
    },
    text(text) {
      if (current) properties[current] = ((properties[current] ?? '') + text).trim() || undefined;
    },
  });
  return properties;
}

/** Numeric suffix of a part name (`slide12.xml` → 12), for ordering when no relationship says. */
export function partNumber(name: string): number {
  const match = /(\d+)\.xml$/.exec(name);
  return match?.[1] ? Number(match[1]) : Number.POSITIVE_INFINITY;
}
