// The demo shop's pages on a real server: /demo embeds the widget with the demo site's public key
// (whose origins are the server's own) and no secret; a demo customer's page carries the identity
// the site's secret signs; the help centre serves the demo articles and escapes what it renders.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TENANT_ID } from '../../auth/bootstrapAdmin.js';
import { startTestServer, type TestServer } from '../../testing/testServer.js';
import { DEFAULT_DEMO_SEED, generateDemoStoreData } from '../demoStoreData.js';
import { DEMO_SITE_NAME, originsAfterStart, ownOrigins } from './demoSite.js';
import { markdownToHtml } from './helpCentre.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

describe('/demo', () => {
  it('embeds the widget with the demo site key, allowed on the server’s own origins, and no secret', async () => {
    const res = await fetch(`${server.url}/demo`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const page = await res.text();
    const sites = await server.widget.sites.list(DEFAULT_TENANT_ID);
    const site = sites.find((s) => s.name === DEMO_SITE_NAME);
    expect(site).toBeDefined();
    expect(page).toContain(`<script src="/widget.js" data-site-key="${site?.siteKey}" async></script>`);
    expect(site?.allowedOrigins).toEqual(expect.arrayContaining(ownOrigins(server.url)));
    expect(page).not.toMatch(/data-user-hash|identitySecret|tdm_/);
    expect(page).not.toContain(server.adminToken);
    expect(page).toContain('Trail Runner 2 shoes');
  });

  it('signs in a demo customer with the identity the site’s secret makes, and refuses unknown ones', async () => {
    const customer = generateDemoStoreData(DEFAULT_DEMO_SEED).customers[0];
    if (customer === undefined) throw new Error('no demo customer');
    const page = await (await fetch(`${server.url}/demo?customer=${encodeURIComponent(customer.email.toUpperCase())}`)).text();
    const hash = /data-user-hash="([0-9a-f]{64})"/.exec(page)?.[1];
    const siteKey = /data-site-key="(pk_[A-Za-z0-9]+)"/.exec(page)?.[1] ?? '';
    // The widget's own session route takes it as a verified identity: the page signed it with the site's secret.
    const res = await fetch(`${server.url}/widget/v1/sites/${siteKey}/sessions`, {
      method: 'POST',
      headers: { origin: new URL(server.url).origin, 'content-type': 'application/json' },
      body: JSON.stringify({ identity: { userId: customer.email, userHash: hash } }),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { visitor: { verified: boolean } }).visitor.verified).toBe(true);
    expect(page).toContain(`data-user-id="${customer.email}"`);
    expect((await fetch(`${server.url}/demo?customer=nobody@example.invalid`)).status).toBe(404);
  });

  it('serves /widget.js and the help centre the citations link to', async () => {
    const bundle = await fetch(`${server.url}/widget.js`);
    expect([200, 503]).toContain(bundle.status);
    const article = await fetch(`${server.url}/demo/help/returns-and-refunds`);
    expect(article.status).toBe(200);
    expect(await article.text()).toContain('<h1>Returns and refunds</h1>');
    expect((await fetch(`${server.url}/demo/help/no-such-article`)).status).toBe(404);
    expect((await fetch(`${server.url}/demo/help/..%2Fpackage`)).status).toBe(404);
  });
});

describe('markdownToHtml', () => {
  it('renders headings, lists and paragraphs with every piece of text escaped', () => {
    const out = markdownToHtml(
      '# Title <b>\n\nSome **bold** text\nand more.\n\n- one <img src=x onerror=alert(1)>\n- two\n\n1. first\n2. second',
    );
    expect(out).toBe(
      '<h1>Title &lt;b&gt;</h1>\n<p>Some bold text and more.</p>\n<ul><li>one &lt;img src=x onerror=alert(1)&gt;</li><li>two</li></ul>\n<ol><li>first</li><li>second</li></ol>',
    );
  });
});

describe('the demo site’s origins', () => {
  it('are the server’s loopback names on its port, keeping origins an admin added and dropping old ports', () => {
    const own = ownOrigins('http://127.0.0.1:9000');
    expect(own).toEqual(['http://127.0.0.1:9000', 'http://localhost:9000', 'http://[::1]:9000']);
    expect(originsAfterStart(['http://127.0.0.1:8000', 'http://localhost:8000', 'http://shop.lan:9000'], own)).toEqual([
      ...own,
      'http://shop.lan:9000',
    ]);
    expect(ownOrigins('http://10.0.0.5:9000')).toEqual(['http://10.0.0.5:9000']);
  });
});
