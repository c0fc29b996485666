import { TRPCClientError } from '@trpc/client';
import type { IngestProgress } from '@tandem/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverClient } from '../../cli/serverClient.js';
import { startTestServer, type TestServer } from '../../testing/testServer.js';
import type { AppRouter } from '../../trpc/appRouter.js';

const clientFor = (url: string, token: string) => serverClient({ url, token });

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

const REFUNDS = `# Refunds\n\nRefunds go back to the original payment method within 5 business days.\n\n## Gift cards\n\nGift cards cannot be refunded.`;
const SHIPPING = `<html><head><title>Shipping times</title></head><body><h1>Shipping times</h1><p>Standard shipping takes 3 to 5 days.</p><script>alert('x')</script><p onclick="steal()">Express arrives next day.</p></body></html>`;

describe('knowledge over tRPC', () => {
  let server: TestServer;
  let api: ReturnType<typeof clientFor>;

  beforeAll(async () => {
    server = await startTestServer();
    api = clientFor(server.url, server.adminToken);
  });
  afterAll(() => server.close());

  async function ingest(files: { name: string; content: string | Buffer }[]) {
    const started = await api.knowledge.ingestFiles.mutate({
      files: files.map((f) => ({
        name: f.name,
        contentBase64: typeof f.content === 'string' ? b64(f.content) : f.content.toString('base64'),
      })),
    });
    await server.knowledge.ingest.settled(started.jobId);
    await server.knowledge.indexes.settle();
    return api.knowledge.job.query({ jobId: started.jobId });
  }

  it('ingests files, streams progress, and finds the answer with its section and highlights', async () => {
    const started = await api.knowledge.ingestFiles.mutate({
      files: [
        { name: 'refunds.md', contentBase64: b64(REFUNDS) },
        { name: 'shipping.html', contentBase64: b64(SHIPPING) },
      ],
    });
    const seen: IngestProgress[] = [];
    await new Promise<void>((resolve, reject) => {
      const sub = api.knowledge.jobProgress.subscribe(
        { jobId: started.jobId },
        {
          onData: (event) => {
            seen.push(event.data);
            if (event.data.status !== 'running') {
              sub.unsubscribe();
              resolve();
            }
          },
          onError: reject,
        },
      );
    });
    expect(seen.at(-1)).toMatchObject({ status: 'succeeded', documentsTotal: 2, documentsDone: 2, documentsFailed: 0 });
    expect(seen.at(-1)!.bytesDone).toBe(Buffer.byteLength(REFUNDS) + Buffer.byteLength(SHIPPING));

    await server.knowledge.indexes.settle();
    const result = await api.knowledge.search.query({ query: 'can I get my money back for a gift card?', k: 3 });
    expect(result.hits[0]).toMatchObject({ title: 'Refunds', sectionPath: ['Refunds', 'Gift cards'] });
    expect(result.hits[0]!.highlights.length).toBeGreaterThan(0);
    const shipping = (await api.knowledge.search.query({ query: 'how long does shipping take', k: 1 })).hits[0];
    expect(shipping?.title).toBe('Shipping times');
    expect(shipping?.text).not.toMatch(/alert|steal|<script|onclick/);
  });

  it('reports each bad file with a typed error and stores the good ones', async () => {
    const report = await ingest([
      { name: 'empty.txt', content: '' },
      { name: 'binary.txt', content: Buffer.from([0, 1, 2, 0, 255, 0, 3, 4, 0, 0, 7, 8]) },
      { name: 'broken.pdf', content: '%PDF-1.7\n1 0 obj << /Type /Catalog' },
      { name: 'latin1.md', content: Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0xff, 0xfe]) },
      { name: 'notes.xyz', content: 'what format is this' },
      { name: 'returns.md', content: '# Returns\n\nReturn any item within 30 days for a full refund.' },
    ]);
    expect(report.status).toBe('succeeded');
    expect(report.documentsDone).toBe(1);
    expect(Object.fromEntries(report.errors.map((e) => [e.item, e.code]))).toEqual({
      'empty.txt': 'EMPTY',
      'binary.txt': 'BINARY_CONTENT',
      'broken.pdf': 'CORRUPT',
      'latin1.md': 'INVALID_UTF8',
      'notes.xyz': 'UNSUPPORTED_FORMAT',
    });
    const hits = (await api.knowledge.search.query({ query: 'return an item within 30 days', k: 5 })).hits;
    expect(hits[0]?.title).toBe('Returns');
    expect(hits.map((h) => h.title)).not.toContain('empty');
  });

  it('rejects a file over the size limit inside the job, not the whole upload', async () => {
    const small = await startTestServer({ TANDEM_MAX_UPLOAD_MB: '0.001' });
    try {
      const smallApi = clientFor(small.url, small.adminToken);
      const started = await smallApi.knowledge.ingestFiles.mutate({
        files: [
          { name: 'big.txt', contentBase64: b64('x '.repeat(2000)) },
          { name: 'ok.txt', contentBase64: b64('Opening hours are nine to five.') },
        ],
      });
      await small.knowledge.ingest.settled(started.jobId);
      const report = await smallApi.knowledge.job.query({ jobId: started.jobId });
      expect(report.errors).toEqual([expect.objectContaining({ item: 'big.txt', code: 'TOO_LARGE' })]);
      expect(report.documentsDone).toBe(1);
    } finally {
      await small.close();
    }
  });

  it('makes an edit retrievable and forgets the old text', async () => {
    await ingest([{ name: 'hours.md', content: '# Opening hours\n\nOur support desk is open from 9 to 5 on weekdays.' }]);
    expect((await api.knowledge.search.query({ query: 'support desk weekdays', k: 1 })).hits[0]?.text).toContain('9 to 5');
    await ingest([{ name: 'hours.md', content: '# Opening hours\n\nOur support desk is open around the clock, every day of the year.' }]);
    const hit = (await api.knowledge.search.query({ query: 'support desk open hours', k: 1 })).hits[0];
    expect(hit?.text).toContain('around the clock');
    expect((await api.knowledge.search.query({ query: 'weekdays 9 to 5', k: 5 })).hits.some((h) => h.text.includes('9 to 5'))).toBe(false);
  });

  it('keeps each workspace’s knowledge to itself', async () => {
    const otherToken = await server.createTenant('globex', 'Globex');
    const other = clientFor(server.url, otherToken);
    expect((await other.knowledge.search.query({ query: 'refund gift card', k: 5 })).hits).toEqual([]);
    const jobs = await api.knowledge.ingestFiles.mutate({ files: [{ name: 'x.md', contentBase64: b64('# X\n\nSecret plans.') }] });
    const err = await other.knowledge.job.query({ jobId: jobs.jobId }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TRPCClientError);
    expect((err as TRPCClientError<AppRouter>).data?.httpStatus).toBe(404);
  });

  it('rejects malformed requests with the zod issues', async () => {
    const err = await api.knowledge.ingestFiles
      .mutate({ files: [{ name: 'a.md', contentBase64: 'not base64!!' }] })
      .catch((e: unknown) => e);
    expect((err as TRPCClientError<AppRouter>).data?.httpStatus).toBe(400);
    const agentToken = (await api.team.createToken.mutate({ name: 'Agent', role: 'agent' })).token;
    const agent = clientFor(server.url, agentToken);
    expect((await agent.knowledge.search.query({ query: 'refund', k: 1 })).hits.length).toBe(1);
    const forbidden = await agent.knowledge.ingestFiles
      .mutate({ files: [{ name: 'a.md', contentBase64: b64('# A') }] })
      .catch((e: unknown) => e);
    expect((forbidden as TRPCClientError<AppRouter>).data?.httpStatus).toBe(403);
  });
});
