/**
 * Reads the files to ingest from paths given on the command line: files as they are, folders
 * recursively (hidden entries skipped), in a stable order.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';

export interface LocalFile {
  /** Path relative to the folder it was found in (its id in the knowledge base). */
  name: string;
  bytes: Uint8Array;
}

export async function listFiles(target: string): Promise<{ root: string; files: string[] }> {
  const info = await stat(target);
  if (info.isFile()) return { root: path.dirname(target), files: [target] };
  const files: string[] = [];
  const walk = async (dir: string) => {
    for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) files.push(full);
    }
  };
  await walk(target);
  return { root: target, files };
}

export async function readLocalFiles(target: string): Promise<LocalFile[]> {
  const { root, files } = await listFiles(target);
  return Promise.all(
    files.map(async (file) => ({ name: path.relative(root, file) || path.basename(file), bytes: new Uint8Array(await readFile(file)) })),
  );
}
