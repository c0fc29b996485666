/**
 * The demo knowledge base `npm start` loads into a new workspace: short help articles for a
 * fictional outdoor store, written for Tandem, so search and drafts work out of the box.
 */
import path from 'node:path';
import { readLocalFiles } from './readLocalFiles.js';
import type { KnowledgeEngine } from '../knowledgeEngine.js';

export const DEMO_KNOWLEDGE_DIR = path.resolve(import.meta.dirname, '../../../demo/knowledge');

export async function loadDemoKnowledge(knowledge: KnowledgeEngine, tenantId: string): Promise<{ jobId: string; documents: number }> {
  const files = await readLocalFiles(DEMO_KNOWLEDGE_DIR);
  const { jobId } = await knowledge.ingest.submit(
    tenantId,
    { kind: 'folder', name: 'Demo knowledge', location: DEMO_KNOWLEDGE_DIR },
    files.map((f) => ({ kind: 'file', ...f })),
  );
  return { jobId, documents: files.length };
}
