import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverClient, type ServerClient } from '../../cli/serverClient.js';
import { startTestServer, type TestServer } from '../../testing/testServer.js';

/** A tiny help site we control: pages can change or disappear between crawls. */
function helpSite(pages: Map<string, string>) {
  const server: Server = createHttpServer((req, res) => {
    const body = pages.get(req.url ?? '/');
    if (body === undefined) return void res.writeHead(404).end('gone');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  });
  return new Promise<{ url: string; close: () => Promise<void> }>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: () => new Promise((r) => server.close(() => r())),
      }),
    ),
  );
}

const page = (title: string, body: string, links: string[] = []) =>
  `<html><head><title>${title}</title></head><body><main><h1>${title}</h1><p>${body}</p>${links.map((l) => `<a href="${l}">${l}</a>`).join(' ')}</main></body></html>`;

describe('knowledge sources: web pages and the help-center articles API', () => {
  let server: TestServer;
  let api: ServerClient;

  beforeAll(async () => {
    server = await startTestServer({ TANDEM_ALLOW_PRIVATE_URLS: 'true' });
    api = serverClient({ url: server.url, token: server.adminToken });
  });
  afterAll(() => server.close());

  const settle = async (jobId: string) => {
    await server.knowledge.ingest.settled(jobId);
    await server.knowledge.indexes.settle();
  };

  it('crawls a site to a depth, then a re-sync picks up edits and deletions', async () => {
    const pages = new Map([
      ['/', page('Help home', 'Welcome to the help centre.', ['/returns', '/warranty'])],
      ['/returns', page('Returns', 'Return unused items within 30 days for a refund.', ['/deep'])],
      ['/warranty', page('Warranty', 'Every lamp has a two year warranty.')],
      ['/deep', page('Deep page', 'Too deep to crawl at depth one.')],
    ]);
    const site = await helpSite(pages);
    try {
      const started = await api.knowledge.ingestUrls.mutate({ urls: [`${site.url}/`], depth: 1, sourceName: 'Help site' });
      await settle(started.jobId);
      const report = await api.knowledge.job.query({ jobId: started.jobId });
      expect(report).toMatchObject({ status: 'succeeded', documentsDone: 3, documentsFailed: 0 });
      expect((await api.knowledge.search.query({ query: 'lamp warranty years', k: 1 })).hits[0]).toMatchObject({
        title: 'Warranty',
        url: `${site.url}/warranty`,
      });
      expect((await api.knowledge.search.query({ query: 'too deep to crawl', k: 5 })).hits.some((h) => h.title === 'Deep page')).toBe(
        false,
      );

      pages.set('/warranty', page('Warranty', 'Every lamp now has a five year warranty.'));
      pages.set('/', page('Help home', 'Welcome to the help centre.', ['/warranty']));
      pages.delete('/returns');
      const [source] = await api.knowledge.sources.list.query();
      const resync = await api.knowledge.sources.resync.mutate({ sourceId: source!.id });
      await settle(resync.jobId);
      expect((await api.knowledge.search.query({ query: 'lamp warranty years', k: 1 })).hits[0]?.text).toContain('five year');
      expect(
        (await api.knowledge.search.query({ query: 'return unused items refund', k: 5 })).hits.some((h) => h.title === 'Returns'),
      ).toBe(false);
    } finally {
      await site.close();
    }
  });

  it('refuses private addresses when they are not allowed, as a typed job error', async () => {
    const strict = await startTestServer();
    try {
      const strictApi = serverClient({ url: strict.url, token: strict.adminToken });
      const started = await strictApi.knowledge.ingestUrls.mutate({
        urls: ['http://127.0.0.1:9/admin', 'http://169.254.169.254/latest/meta-data'],
        depth: 0,
      });
      await strict.knowledge.ingest.settled(started.jobId);
      const report = await strictApi.knowledge.job.query({ jobId: started.jobId });
      expect(report.status).toBe('failed');
      expect(report.errors.map((e) => e.code)).toEqual(['PRIVATE_ADDRESS', 'PRIVATE_ADDRESS']);
    } finally {
      await strict.close();
    }
  });

  it('upserts and deletes help-center articles through the articles API', async () => {
    const first = await api.knowledge.articles.upsert.mutate({
      articles: [
        {
          id: 101,
          title: 'Reset your password',
          body: '<p>Use <b>Forgot password</b> on the sign-in page.</p>',
          url: 'https://help.example.com/101',
          updated_at: '2026-11-01T10:00:00Z',
        },
        { id: '102', title: 'Change your email', body: 'Go to **Settings → Account** and edit your email address.' },
      ],
    });
    await settle(first.jobId);
    expect((await api.knowledge.search.query({ query: 'forgot my password', k: 1 })).hits[0]).toMatchObject({
      title: 'Reset your password',
      url: 'https://help.example.com/101',
    });
    const update = await api.knowledge.articles.upsert.mutate({
      articles: [{ id: 101, title: 'Reset your password', body: '<p>Use the reset link we email you.</p>' }],
    });
    await settle(update.jobId);
    expect((await api.knowledge.search.query({ query: 'reset password', k: 1 })).hits[0]?.text).toContain('reset link');
    expect(await api.knowledge.articles.delete.mutate({ ids: ['102', 'nope'] })).toEqual({ deleted: 1 });
    await server.knowledge.indexes.settle();
    expect(
      (await api.knowledge.search.query({ query: 'change email settings account', k: 5 })).hits.some(
        (h) => h.title === 'Change your email',
      ),
    ).toBe(false);
    const docs = await api.knowledge.documents.list.query({});
    expect(docs.find((d) => d.externalId === '101')?.version).toBe(2);
  });
});
