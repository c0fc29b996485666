// `tandem ingest` against a real server: a file over the server's upload limit is a typed
// TOO_LARGE line (never an uncaught client error) while the rest is stored; the API answers an
// oversized request with a typed PAYLOAD_TOO_LARGE; web pages are fetched through the server.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startServer, type TestServer as PageServer } from '../knowledge/sources/testServer.js';
import { startTestServer, type TestServer } from '../testing/testServer.js';
import { ingestCommand } from './ingestCommand.js';
import { serverClient } from './serverClient.js';

describe('tandem ingest', () => {
  let server: TestServer;
  let pages: PageServer;
  let folder: string;

  beforeAll(async () => {
    server = await startTestServer({ TANDEM_MAX_UPLOAD_MB: '1', TANDEM_ALLOW_PRIVATE_URLS: 'true', TANDEM_DEMO_STORE: 'false' });
    pages = await startServer({
      '/returns':
        '<html><head><title>Returns</title></head><body><main><h1>Returns</h1><p>Return any unworn item within 30 days for a full refund to the original card.</p></main></body></html>',
    });
    folder = await mkdtemp(path.join(tmpdir(), 'tandem-ingest-'));
    await writeFile(path.join(folder, 'shipping.md'), '# Shipping\n\nParcels leave the warehouse within two working days.\n');
    await writeFile(path.join(folder, 'huge.txt'), 'word '.repeat(500_000));
  });
  afterAll(async () => {
    await server?.close();
    await pages?.close();
    await rm(folder, { recursive: true, force: true });
  });

  async function run(targets: string[]) {
    let stderr = '';
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stderr += String(chunk);
      return true;
    });
    try {
      const code = await ingestCommand(serverClient({ url: server.url, token: server.adminToken }), targets, {});
      return { code, stderr };
    } finally {
      spy.mockRestore();
    }
  }

  it('reports a file over the server’s limit as TOO_LARGE without sending it, and stores the others', async () => {
    const { code, stderr } = await run([folder]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/huge\.txt: TOO_LARGE/);
    const stats = await serverClient({ url: server.url, token: server.adminToken }).knowledge.stats.query();
    expect(stats.documents).toBe(1);
  });

  it('answers an upload over the body limit with a typed PAYLOAD_TOO_LARGE, not a cut connection', async () => {
    const api = serverClient({ url: server.url, token: server.adminToken });
    const contentBase64 = Buffer.alloc(3 * 1024 * 1024, 65).toString('base64');
    const error = await api.knowledge.ingestFiles.mutate({ files: [{ name: 'big.txt', contentBase64 }] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCClientError);
    expect((error as TRPCClientError<never>).data).toMatchObject({ httpStatus: 413, tandem: { code: 'PAYLOAD_TOO_LARGE' } });
  });

  it('fetches web pages through the server', async () => {
    const { code, stderr } = await run([`${pages.origin}/returns`]);
    expect(stderr).not.toMatch(/not available/);
    expect(code).toBe(0);
    const api = serverClient({ url: server.url, token: server.adminToken });
    await server.knowledge.indexes.settle();
    const found = await api.knowledge.search.query({ query: 'return unworn item refund', k: 3 });
    expect(found.hits[0]?.title).toBe('Returns');
  });
});
