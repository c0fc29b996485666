/**
 * The demo shop's pages as one optional capability, on when the demo store is: `/demo` (the
 * storefront with the website widget on it) and `/demo/help` (the help centre its citations link
 * to). Like a real shop, it knows the widget only as a site with a public key and an identity it
 * can sign for its signed-in customer; the site is ensured once the server listens, because only
 * then are the server's own origins known.
 */
import type { WidgetSite, WidgetSiteSettingsInput } from '@tandem/shared';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Logger } from '../../logging/logger.js';
import { DEFAULT_DEMO_SEED, generateDemoStoreData, type DemoCustomer } from '../demoStoreData.js';
import { demoSiteSettings, originsAfterStart, ownOrigins, sameOrigins } from './demoSite.js';
import { DEMO_HELP_PATH, helpArticlePage, helpIndexPage, readHelpArticles, type HelpArticle } from './helpCentre.js';
import { DEMO_PAGE_CSP, escapeHtml, pageShell } from './html.js';
import { storefrontPage, widgetScriptTag, type SignedInCustomer } from './storefrontPage.js';

export const DEMO_PAGE_PATH = '/demo';

export interface DemoPageDeps {
  /** The workspace the demo site belongs to. */
  tenantId: string;
  log: Logger;
  /** The workspace's widget sites, as far as a shop's backend needs them. */
  sites: {
    ensure(tenantId: string, settings: WidgetSiteSettingsInput): Promise<WidgetSite>;
    update(tenantId: string, id: string, patch: { allowedOrigins: string[] }): Promise<WidgetSite>;
    signIdentity(tenantId: string, siteId: string, userId: string): Promise<string>;
  };
  /** The shop's seed, for the catalogue and the customers a visitor may sign in as. */
  seed?: number;
  /** Where the help articles are read from (tests). */
  helpDir?: string;
}

const pageQuerySchema = z.object({ customer: z.string().trim().toLowerCase().min(3).max(320).optional() }).strip();
const slugSchema = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,100}$/) });

export function demoPagePlugin({ tenantId, log, sites, seed = DEFAULT_DEMO_SEED, helpDir }: DemoPageDeps) {
  const shop = generateDemoStoreData(seed);
  let site: WidgetSite | undefined;
  let articles: Map<string, HelpArticle> | undefined;

  const html = (reply: FastifyReply, status: number, body: string): FastifyReply =>
    reply
      .code(status)
      .type('text/html; charset=utf-8')
      .headers({ 'content-security-policy': DEMO_PAGE_CSP, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' })
      .send(body);

  const notFound = (reply: FastifyReply, what: string) =>
    html(reply, 404, pageShell({ title: 'Not found · Northwind Outfitters', main: `<h1>Not found</h1><p>${escapeHtml(what)}</p>` }));

  async function signedIn(siteId: string, customer: DemoCustomer): Promise<SignedInCustomer> {
    // What the shop's backend does for a signed-in customer: sign their id with the site's identity secret.
    return { userId: customer.email, userHash: await sites.signIdentity(tenantId, siteId, customer.email), name: customer.firstName };
  }

  async function routes(scope: FastifyInstance): Promise<void> {
    scope.get(DEMO_PAGE_PATH, async (req, reply) => {
      if (site === undefined) return reply.code(503).header('retry-after', '1').send({ code: 'SERVICE_UNAVAILABLE', message: 'Starting' });
      const query = pageQuerySchema.safeParse(req.query);
      if (!query.success) return notFound(reply, 'That is not a demo customer’s e-mail address.');
      const email = query.data.customer;
      const customer = email === undefined ? undefined : shop.customers.find((c) => c.email.toLowerCase() === email);
      if (email !== undefined && customer === undefined) return notFound(reply, 'There is no demo customer with that e-mail address.');
      const identity = customer === undefined ? undefined : await signedIn(site.id, customer);
      return html(reply, 200, storefrontPage(shop.products, widgetScriptTag(site.siteKey, identity), identity, shop.customers.slice(0, 3)));
    });
    scope.get(DEMO_HELP_PATH, async (_req, reply) => {
      articles ??= await readHelpArticles(helpDir);
      return html(reply, 200, helpIndexPage(articles.values(), site === undefined ? '' : widgetScriptTag(site.siteKey)));
    });
    scope.get(`${DEMO_HELP_PATH}/:slug`, async (req, reply) => {
      articles ??= await readHelpArticles(helpDir);
      const slug = slugSchema.safeParse(req.params);
      const article = slug.success ? articles.get(slug.data.slug) : undefined;
      if (article === undefined) return notFound(reply, 'There is no help article at this address.');
      return html(reply, 200, helpArticlePage(article, site === undefined ? '' : widgetScriptTag(site.siteKey)));
    });
  }

  return {
    name: 'demo page',
    routes,
    async start({ localBaseUrl }: { localBaseUrl: string }) {
      const own = ownOrigins(localBaseUrl);
      const ensured = await sites.ensure(tenantId, demoSiteSettings(own));
      // The site outlives restarts (it is stored); the port may not, so its loopback origins follow the server's.
      const origins = originsAfterStart(ensured.allowedOrigins, own);
      site = sameOrigins(ensured.allowedOrigins, origins) ? ensured : await sites.update(tenantId, ensured.id, { allowedOrigins: origins });
      log.info({ siteId: site.id, origins }, 'demo page ready at /demo');
    },
  };
}
