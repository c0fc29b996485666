/**
 * The tau2-bench bank knowledge base and Tandem's own labelled tickets, read from ../shared/data
 * (never copied into the repo). Benchmarks that need it skip with a message when it is absent.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const BANK_DOCS = path.resolve(ROOT, '..', 'shared', 'data', 'tau2-bench', 'banking_knowledge', 'documents');
export const BANK_TASKS = path.resolve(ROOT, '..', 'shared', 'data', 'tau2-bench', 'banking_knowledge', 'tasks.json');
export const DEV_TICKETS = path.resolve(ROOT, 'bench', 'datasets', 'bank-tickets.dev.jsonl');
/** Vectors of the bank KB persist here between runs (embedding takes minutes on 2 cores). */
export const BANK_CACHE = path.resolve(ROOT, '.data', 'bench', 'bank-kb');

export function bankKbAvailable(): boolean {
  if (existsSync(BANK_DOCS)) return true;
  console.log(`skipped: the bank knowledge base is not at ${BANK_DOCS}`);
  return false;
}
