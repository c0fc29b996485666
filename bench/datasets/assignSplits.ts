/**
 * `npx tsx bench/datasets/assignSplits.ts [file]`: gives every ticket of a labelled set that has
 * no split yet its train / dev / test split (server/src/cli/ticketSplits.ts: fixed seed,
 * stratified by knowledge base, language and answerability) and writes the file back with the
 * split recorded on each line. Tickets that already have a split keep it. Run it once after
 * adding tickets, then update the digest pinned in labelledTickets.test.ts on purpose.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadLabelledTickets, type LabelledTicket } from '../../server/src/cli/labelledTickets.js';
import { assignSplits, splitDigest } from '../../server/src/cli/ticketSplits.js';

const file = path.resolve(process.argv[2] ?? path.join(import.meta.dirname, 'tickets-v2.jsonl'));
const tickets = await loadLabelledTickets(file);
const splits = assignSplits(tickets);
const raw = (await readFile(file, 'utf8')).split('\n').filter((l) => l.trim() !== '');

// Rewrites each line from its own JSON, so fields keep their order and only `split` is added.
const lines = raw.map((line, i) => {
  const ticket = tickets[i] as LabelledTicket;
  const { id, kb, language, ...rest } = JSON.parse(line) as Record<string, unknown>;
  delete rest.split;
  return JSON.stringify({ id, kb, language, split: splits.get(ticket.id), ...rest });
});
await writeFile(file, `${lines.join('\n')}\n`);
const counts = new Map<string, number>();
for (const s of splits.values()) counts.set(s, (counts.get(s) ?? 0) + 1);
console.log(`${file}: ${[...counts].map(([s, n]) => `${s} ${n}`).join(', ')}`);
console.log(`split digest ${splitDigest(tickets.map((t) => ({ id: t.id, split: splits.get(t.id) })))}`);
