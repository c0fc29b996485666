import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/env.js';
import { evalTicketSet, selectTickets } from './evalTicketSet.js';
import { labelledTicketSchema } from './labelledTickets.js';
import { formatTicketSetReport } from './ticketSetReportText.js';

const line = (id: string, split: string, ticket: string, primary: string[], language = 'en') =>
  JSON.stringify({
    id,
    kb: 'demo',
    language,
    split,
    persona: 'terse',
    ticket,
    answerable: primary.length > 0,
    questions: [{ question: 'a question', answerable: primary.length > 0, primary, facts: primary.length > 0 ? ['fact'] : [] }],
  });

describe('evalTicketSet over the demo knowledge base (lexical, no embedder)', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'tandem-eval-set-'));
  afterAll(() => rm(dir, { recursive: true, force: true }));
  const set = path.join(dir, 'set.jsonl');
  await writeFile(
    set,
    [
      line('demo-001', 'test', 'The reset link for my password never arrives', ['account-and-password.md']),
      line('demo-002', 'test', 'How long do I have to return unused items and when does the refund arrive?', ['returns-and-refunds.md']),
      line('demo-003', 'train', 'My parcel arrived damaged', ['shipping-and-delivery.md']),
      line('demo-004', 'test', 'Do you sell bicycles?', []),
    ].join('\n'),
  );

  it('searches each ticket of the chosen split and reports it per language group', { timeout: 120_000 }, async () => {
    const result = await evalTicketSet(
      { set, splits: ['test'], kbs: ['demo', 'bank'], dataRoot: path.join(dir, 'no-data'), k: 10, vectors: false, quiet: true },
      loadConfig({ TANDEM_LOG_LEVEL: 'silent' }),
      undefined,
    );
    expect(result.knowledgeBases).toEqual([expect.objectContaining({ kb: 'demo', documents: 6, tickets: 3 })]);
    // The bank has no ticket in this set, so its missing data is not even looked for.
    expect(result.skipped).toEqual([]);
    const test = result.reports.test;
    expect(test?.all.tickets.queries).toBe(3);
    expect(test?.all.tickets.answerable).toBe(2);
    expect(test?.all.tickets.hitRate['@3']).toBe(1);
    expect(test?.all.tickets.unanswerableTopScore?.n).toBe(1);
    expect(test?.['non-en'].tickets.queries).toBe(0);
    expect(formatTicketSetReport(result)).toContain('Split test');
  });

  it('names a knowledge base whose data is missing instead of failing', async () => {
    const result = await evalTicketSet(
      {
        set,
        splits: ['all'],
        kbs: ['demo'],
        dataRoot: path.join(dir, 'no-data'),
        tau2Tasks: 'tasks.json',
        k: 10,
        vectors: false,
        quiet: true,
      },
      loadConfig({ TANDEM_LOG_LEVEL: 'silent' }),
      undefined,
    );
    expect(result.skipped).toEqual([{ kb: 'bank', missing: path.join(dir, 'no-data', 'tau2-bench', 'banking_knowledge', 'documents') }]);
    expect(result.tau2).toBeNull();
  });

  it('selects tickets by split and knowledge base', () => {
    const tickets = [line('demo-001', 'test', 'a', ['x']), line('demo-002', 'dev', 'b', ['x'])].map((l) =>
      labelledTicketSchema.parse(JSON.parse(l)),
    );
    expect(selectTickets(tickets, ['dev'], ['demo']).map((t) => t.id)).toEqual(['demo-002']);
    expect(selectTickets(tickets, ['all'], ['demo'])).toHaveLength(2);
    expect(selectTickets(tickets, ['all'], ['retail'])).toHaveLength(0);
  });
});
