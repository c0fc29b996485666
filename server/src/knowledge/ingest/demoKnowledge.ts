/**
 * The demo knowledge base `npm start` loads into a new workspace: short help articles for a
 * fictional outdoor store, written for Tandem, so search and drafts work out of the box.
 */
import path from 'node:path';
import { readLocalFiles } from './readLocalFiles.js';
import type { KnowledgeEngine } from '../knowledgeEngine.js';

export const DEMO_KNOWLEDGE_DIR = path.resolve(import.meta.dirname, '../../../demo/knowledge');

/**
 * Ingests the demo articles. With `pageUrl` (the demo shop is on and serves each article as a
 * page) every article is stored as that page, so citations link somewhere real; without it they
 * are files with no URL, cited by title.
 */
export async function loadDemoKnowledge(
  knowledge: KnowledgeEngine,
  tenantId: string,
  pageUrl?: (fileName: string) => string,
): Promise<{ jobId: string; documents: number }> {
  const files = await readLocalFiles(DEMO_KNOWLEDGE_DIR);
  const { jobId } = await knowledge.ingest.submit(
    tenantId,
    { kind: 'folder', name: 'Demo knowledge', location: DEMO_KNOWLEDGE_DIR },
    files.map((f) =>
      pageUrl === undefined ? { kind: 'file', ...f } : { kind: 'page', url: pageUrl(f.name), bytes: f.bytes, fileName: f.name },
    ),
  );
  return { jobId, documents: files.length };
}
