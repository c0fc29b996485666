/**
 * The three knowledge bases Tandem's labelled tickets are written against, as files to ingest
 * into a private evaluation engine, with the document ids their labels use. Public data (the
 * tau2-bench bank documents, its retail policy and its tasks) is read by path from a data root
 * beside the checkout (`../shared/data`), never copied; the demo store's articles are ours and
 * live in the repository.
 *
 * - bank: one JSON article per file (`doc_…` ids).
 * - retail: the policy page split into one article per section (retailPolicySections.ts).
 * - demo: one Markdown file per article (the file name is the id).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DEMO_KNOWLEDGE_DIR } from '../knowledge/ingest/demoKnowledge.js';
import { readLocalFiles, type LocalFile } from '../knowledge/ingest/readLocalFiles.js';
import type { KnowledgeBaseName } from './labelledTickets.js';
import { splitPolicySections } from './retailPolicySections.js';

const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..', '..');

/** `../shared/data` beside the checkout, where public evaluation data is kept. */
export const DEFAULT_DATA_ROOT = path.resolve(REPO_ROOT, '..', 'shared', 'data');
/** Tandem's own labelled tickets, split once into train / dev / test. */
export const DEFAULT_TICKET_SET = path.resolve(REPO_ROOT, 'bench', 'datasets', 'tickets-v2.jsonl');

export interface DataPaths {
  bankDocuments: string;
  retailPolicy: string;
  tau2BankTasks: string;
}

export function dataPaths(dataRoot: string = DEFAULT_DATA_ROOT): DataPaths {
  const tau2 = path.join(dataRoot, 'tau2-bench');
  return {
    bankDocuments: path.join(tau2, 'banking_knowledge', 'documents'),
    retailPolicy: path.join(tau2, 'retail', 'policy.md'),
    tau2BankTasks: path.join(tau2, 'banking_knowledge', 'tasks.json'),
  };
}

/** What ingesting one knowledge base needs: a stable source location and its files. */
export interface EvalCorpus {
  kb: KnowledgeBaseName;
  location: string;
  files: LocalFile[];
}

/** Where a knowledge base's data must be, or undefined when it is there (the demo store always is). */
export function missingData(kb: KnowledgeBaseName, dataRoot: string = DEFAULT_DATA_ROOT): string | undefined {
  const paths = dataPaths(dataRoot);
  const needed = kb === 'bank' ? paths.bankDocuments : kb === 'retail' ? paths.retailPolicy : DEMO_KNOWLEDGE_DIR;
  return existsSync(needed) ? undefined : needed;
}

export async function loadEvalCorpus(kb: KnowledgeBaseName, dataRoot: string = DEFAULT_DATA_ROOT): Promise<EvalCorpus> {
  const paths = dataPaths(dataRoot);
  switch (kb) {
    case 'bank':
      return { kb, location: path.resolve(paths.bankDocuments), files: await readLocalFiles(paths.bankDocuments) };
    case 'demo':
      return { kb, location: DEMO_KNOWLEDGE_DIR, files: await readLocalFiles(DEMO_KNOWLEDGE_DIR) };
    case 'retail': {
      // One JSON file of articles: the ingestion reads each `{id, title, body}` as its own document.
      const sections = splitPolicySections(await readFile(paths.retailPolicy, 'utf8'));
      const bytes = new TextEncoder().encode(JSON.stringify(sections));
      return { kb, location: path.resolve(paths.retailPolicy), files: [{ name: 'retail-policy.json', bytes }] };
    }
  }
}

/** The document ids a knowledge base holds, as the engine reports them (its external ids). */
export async function documentIdsOf(corpus: EvalCorpus): Promise<Set<string>> {
  if (corpus.kb === 'demo') return new Set(corpus.files.map((f) => f.name));
  const ids = new Set<string>();
  const decoder = new TextDecoder();
  for (const file of corpus.files) {
    const json: unknown = JSON.parse(decoder.decode(file.bytes));
    for (const article of Array.isArray(json) ? json : [json]) {
      const id = (article as { id?: unknown }).id;
      if (typeof id === 'string') ids.add(id);
    }
  }
  return ids;
}
