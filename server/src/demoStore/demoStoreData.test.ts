// The demo shop is a pure function of its seed, and holds the variety a demo needs.
import { describe, expect, it } from 'vitest';
import { DEFAULT_DEMO_SEED, generateDemoStoreData, seededRandom } from './demoStoreData.js';

describe('generateDemoStoreData', () => {
  const data = generateDemoStoreData();

  it('is identical for the same seed and different for another', () => {
    expect(generateDemoStoreData(DEFAULT_DEMO_SEED)).toEqual(data);
    const other = generateDemoStoreData(7);
    expect(other.customers.map((c) => c.email)).not.toEqual(data.customers.map((c) => c.email));
    expect(other.orders.map((o) => o.id)).not.toEqual(data.orders.map((o) => o.id));
  });

  it('has about 50 customers, 30 products and 150 orders', () => {
    expect(data.customers).toHaveLength(50);
    expect(data.products).toHaveLength(30);
    expect(data.orders).toHaveLength(150);
    expect(generateDemoStoreData(1, { customers: 5, orders: 12 }).orders).toHaveLength(12);
  });

  it('gives customers unique reserved-domain emails, a 5-digit zip and at least one payment method', () => {
    expect(new Set(data.customers.map((c) => c.email)).size).toBe(50);
    for (const c of data.customers) {
      expect(c.email).toMatch(/^[a-z.0-9]+@example\.(com|net|org)$/);
      expect(c.address.zip).toMatch(/^\d{5}$/);
      expect(c.phone).toMatch(/-555-01\d\d$/);
      expect(c.paymentMethods.length).toBeGreaterThan(0);
      expect(c.orderIds.length).toBeGreaterThan(0);
    }
  });

  it('has orders in every state, some with failed payments, all referring to real customers and variants', () => {
    const statuses = new Set(data.orders.map((o) => o.status));
    expect([...statuses].sort()).toEqual(['cancelled', 'delivered', 'pending', 'processed']);
    const failedOnly = data.orders.filter(
      (o) => o.payments.some((p) => p.status === 'failed') && !o.payments.some((p) => p.status === 'succeeded'),
    );
    expect(failedOnly.length).toBeGreaterThan(0);
    for (const o of failedOnly) expect(['pending', 'cancelled']).toContain(o.status);
    const variants = new Map(data.products.flatMap((p) => p.variants.map((v) => [v.itemId, p.id] as const)));
    const customers = new Set(data.customers.map((c) => c.id));
    for (const order of data.orders) {
      expect(order.id).toMatch(/^W\d{7}$/);
      expect(customers.has(order.customerId)).toBe(true);
      for (const item of order.items) expect(variants.get(item.itemId)).toBe(item.productId);
      const kinds = new Set(order.payments.map((p) => p.kind));
      if (order.status === 'delivered') expect(order.fulfillments[0]?.deliveredAt).toBeDefined();
      if (order.status === 'cancelled' && order.payments.some((p) => p.status === 'succeeded')) expect(kinds.has('refund')).toBe(true);
    }
  });

  it('pays with cards, PayPal and gift cards, and gift cards never go negative', () => {
    const types = new Set(data.customers.flatMap((c) => c.paymentMethods.map((m) => m.type)));
    expect([...types].sort()).toEqual(['card', 'gift_card', 'paypal']);
    for (const m of data.customers.flatMap((c) => c.paymentMethods))
      if (m.type === 'gift_card') expect(m.balance).toBeGreaterThanOrEqual(0);
  });

  it('stocks variants with some sold out, and every product has two variants to exchange between', () => {
    const variants = data.products.flatMap((p) => p.variants);
    expect(variants.some((v) => v.inventory === 0)).toBe(true);
    expect(variants.every((v) => v.inventory >= 0 && v.price > 0)).toBe(true);
    for (const p of data.products) expect(p.variants.length).toBeGreaterThanOrEqual(2);
  });
});

describe('seededRandom', () => {
  it('repeats its sequence for a seed and stays in [0, 1)', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const values = Array.from({ length: 1000 }, () => a());
    expect(values).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
  });
});
