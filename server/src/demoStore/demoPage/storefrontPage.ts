/**
 * The demo shop's front page at `/demo`: its catalogue (the generated products) and the website
 * widget, embedded exactly as a customer's site embeds it: one script tag with the public site
 * key, plus, when the page has a signed-in customer, the user id and the HMAC its backend
 * computed. No secret is ever written into it.
 */
import { DEMO_CURRENCY, type DemoCustomer, type DemoProduct } from '../demoStoreData.js';
import { escapeHtml, pageShell } from './html.js';

export interface SignedInCustomer {
  userId: string;
  userHash: string;
  name: string;
}

/** The widget's script tag for `siteKey`, with the signed-in customer's identity when there is one. */
export function widgetScriptTag(siteKey: string, customer?: SignedInCustomer): string {
  const identity =
    customer === undefined
      ? ''
      : ` data-user-id="${escapeHtml(customer.userId)}" data-user-hash="${escapeHtml(customer.userHash)}" data-user-name="${escapeHtml(customer.name)}"`;
  return `<script src="/widget.js" data-site-key="${escapeHtml(siteKey)}"${identity} async></script>`;
}

const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: DEMO_CURRENCY });

function productCard(product: DemoProduct): string {
  const prices = product.variants.map((v) => v.price);
  const from = prices.length === 0 ? '' : money.format(Math.min(...prices));
  const options = [...new Set(product.variants.flatMap((v) => Object.values(v.options)))].slice(0, 6).join(', ');
  return `<li class="card"><div class="category">${escapeHtml(product.category)}</div><h3>${escapeHtml(product.name)}</h3><div class="price">from ${escapeHtml(from)}</div><div>${escapeHtml(options)}</div></li>`;
}

export function storefrontPage(
  products: readonly DemoProduct[],
  widgetScript: string,
  customer: SignedInCustomer | undefined,
  sampleCustomers: readonly DemoCustomer[],
): string {
  const samples = sampleCustomers
    .map((c) => `<a href="/demo?customer=${encodeURIComponent(c.email)}">${escapeHtml(`${c.firstName} ${c.lastName}`)}</a>`)
    .join(', ');
  const who =
    customer === undefined
      ? `<p class="notice">You are browsing as a guest: the help widget answers from the help centre. Sign in as a demo customer (${samples}) and it also knows their orders and payments.</p>`
      : `<p class="notice">Signed in as <strong>${escapeHtml(customer.name)}</strong>, a demo customer: the help widget knows your orders and payments. <a href="/demo">Sign out</a></p>`;
  const main = `<h1>Gear for the trail, the kitchen and the desk</h1>
${who}
<section id="catalogue" aria-labelledby="catalogue-title"><h2 id="catalogue-title">Catalogue</h2>
<ul class="grid">${products.map(productCard).join('')}</ul></section>`;
  return pageShell({ title: 'Northwind Outfitters (demo shop)', main, end: widgetScript });
}
