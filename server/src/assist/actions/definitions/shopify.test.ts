// Shopify actions: prefill from the ticket, the agents' refund limit, and runs against the fake Admin API.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ActionDefinition } from '../actionDefinition.js';
import { ShopifyAdminClient } from '../../connectors/shopifyAdmin.js';
import { actionContext, runContext } from '../../../testing/actionContexts.js';
import { startFakeShopify, type FakeShopify } from '../../../testing/fakeShopify.js';
import { shopifyActions } from './shopify.js';

let shop: FakeShopify;
let actions: Map<string, ActionDefinition>;

beforeEach(async () => {
  shop = await startFakeShopify();
  const client = new ShopifyAdminClient({
    shopDomain: shop.shopDomain,
    accessToken: shop.accessToken,
    baseUrl: shop.baseUrl,
    apiVersion: shop.apiVersion,
  });
  actions = new Map(shopifyActions(client, { agentRefundLimit: 30 }).map((a) => [a.name, a]));
});
afterEach(() => shop.close());

const action = (name: string): ActionDefinition => {
  const found = actions.get(name);
  if (found === undefined) throw new Error(`no action ${name}`);
  return found;
};

describe('shopify.lookupOrder', () => {
  it('prefills the order number, else the requester email, else does not apply', () => {
    const lookup = action('shopify.lookupOrder');
    expect(lookup.prefill(actionContext({ subject: 'Where is order 1042?', requester: { email: 'noor.haddad@example.net' } }))).toEqual({
      orderNumber: '#1042',
    });
    expect(lookup.prefill(actionContext({ subject: 'Where is my parcel?', requester: { email: 'noor.haddad@example.net' } }))).toEqual({
      email: 'noor.haddad@example.net',
    });
    expect(lookup.prefill(actionContext({ subject: 'Hello' }))).toBeUndefined();
  });

  it('looks up by number and by email', async () => {
    const lookup = action('shopify.lookupOrder');
    const one = await lookup.execute(lookup.argumentsSchema.parse({ orderNumber: '#1042' }), runContext());
    expect(one.summary).toBe('Order #1042: 44.85 EUR, paid, fulfilled');
    const many = await lookup.execute(lookup.argumentsSchema.parse({ email: 'noor.haddad@example.net' }), runContext());
    expect(many.summary).toBe('2 orders: #1044, #1042');
    expect(lookup.argumentsSchema.safeParse({}).success).toBe(false);
  });
});

describe('shopify refunds', () => {
  const refundArgs = { orderNumber: '#1042', amount: 19.95, reason: 'Dripper arrived cracked' };

  it('lets agents refund up to the limit and sends larger refunds to leads and admins', () => {
    const agentRefund = action('shopify.refundOrder');
    const leadRefund = action('shopify.refundOrderAboveLimit');
    expect(agentRefund.allowedRoles).toEqual(['agent', 'lead', 'admin']);
    expect(leadRefund.allowedRoles).toEqual(['lead', 'admin']);
    expect(agentRefund.risk).toBe('write');
    expect(agentRefund.argumentsSchema.safeParse({ ...refundArgs, amount: 30 }).success).toBe(true);
    expect(agentRefund.argumentsSchema.safeParse({ ...refundArgs, amount: 30.01 }).success).toBe(false);
    expect(leadRefund.argumentsSchema.safeParse({ ...refundArgs, amount: 44.85 }).success).toBe(true);
    expect(agentRefund.argumentsSchema.safeParse({ amount: 5, reason: 'x' }).success).toBe(false);
    expect(agentRefund.argumentsSchema.safeParse({ ...refundArgs, amount: 1.234 }).success).toBe(false);
  });

  it('prefills the order only when the customer asks for money back', () => {
    const refund = action('shopify.refundOrder');
    expect(refund.prefill(actionContext({ subject: 'Order #1042', customerSays: 'I was charged twice, please refund me' }))).toEqual({
      orderNumber: '#1042',
    });
    expect(refund.prefill(actionContext({ subject: 'Order #1042', customerSays: 'When will it ship?' }))).toBeUndefined();
    expect(refund.prefill(actionContext({ subject: 'Refund please', customerSays: 'refund' }))).toBeUndefined();
  });

  it('refunds by order number once per idempotency key', async () => {
    const refund = action('shopify.refundOrder');
    const args = refund.argumentsSchema.parse(refundArgs);
    const first = await refund.execute(args, runContext('confirm-refund-1'));
    expect(first.summary).toBe('Refunded 19.95 EUR on order #1042');
    expect(first.output).toMatchObject({ orderId: '5801000001042', amount: 19.95, currency: 'EUR', replayed: false });
    const again = await refund.execute(args, runContext('confirm-refund-1'));
    expect(again.summary).toContain('already done earlier');
    expect(again.output).toMatchObject({ refundId: first.output.refundId, replayed: true });
    expect(shop.refunds).toHaveLength(1);
  });

  it('fails with NOT_FOUND for an order number the shop does not have', async () => {
    const refund = action('shopify.refundOrder');
    await expect(refund.execute(refund.argumentsSchema.parse({ ...refundArgs, orderNumber: '#9999' }), runContext())).rejects.toMatchObject(
      {
        code: 'NOT_FOUND',
      },
    );
    expect(shop.refunds).toHaveLength(0);
  });
});
