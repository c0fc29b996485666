import { seededRandom } from '@tandem/shared';
/**
 * Tandem's demo shop, generated from a seed: customers with addresses and payment methods, a
 * catalogue of products with variants and stock, and orders in every state with their payments
 * (some failed) and shipments. Everything is invented here; the same seed always yields the same
 * shop, so demos, tests and benchmarks can name concrete customers and orders.
 */

export const DEFAULT_DEMO_SEED = 20_250_501;
/** The shop's "today": dates are computed back from it, never from the wall clock, so a seed fixes them. */
export const DEMO_EPOCH = Date.parse('2025-05-01T12:00:00Z');
export const DEMO_CURRENCY = 'USD';

export interface DemoAddress {
  address1: string;
  address2: string;
  city: string;
  state: string;
  zip: string;
  country: string;
}

export type DemoPaymentMethod =
  | { id: string; type: 'card'; brand: 'visa' | 'mastercard' | 'amex'; last4: string }
  | { id: string; type: 'paypal'; email: string }
  | { id: string; type: 'gift_card'; balance: number };

export interface DemoCustomer {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  address: DemoAddress;
  paymentMethods: DemoPaymentMethod[];
  orderIds: string[];
}

export interface DemoVariant {
  /** What an order line and a return or exchange name. */
  itemId: string;
  options: Record<string, string>;
  price: number;
  /** Units in stock; a variant with none cannot be ordered or exchanged into. */
  inventory: number;
}

export interface DemoProduct {
  id: string;
  name: string;
  category: string;
  variants: DemoVariant[];
}

export type DemoOrderStatus = 'pending' | 'processed' | 'delivered' | 'cancelled' | 'return_requested' | 'exchange_requested';

export interface DemoOrderItem {
  itemId: string;
  productId: string;
  name: string;
  options: Record<string, string>;
  price: number;
}

export interface DemoPayment {
  id: string;
  kind: 'payment' | 'refund';
  paymentMethodId: string;
  amount: number;
  status: 'succeeded' | 'failed';
  createdAt: string;
  failureReason?: 'card_declined' | 'insufficient_funds' | 'expired_card';
}

export interface DemoFulfillment {
  carrier: string;
  trackingNumber: string;
  itemIds: string[];
  shippedAt: string;
  deliveredAt?: string;
}

export interface DemoOrder {
  id: string;
  customerId: string;
  status: DemoOrderStatus;
  createdAt: string;
  updatedAt: string;
  address: DemoAddress;
  items: DemoOrderItem[];
  payments: DemoPayment[];
  fulfillments: DemoFulfillment[];
  cancelReason?: string;
  returnRequest?: { itemIds: string[]; paymentMethodId: string; refundAmount: number; requestedAt: string };
  exchangeRequest?: { itemIds: string[]; newItemIds: string[]; paymentMethodId: string; priceDifference: number; requestedAt: string };
}

export interface DemoStoreData {
  seed: number;
  currency: string;
  customers: DemoCustomer[];
  products: DemoProduct[];
  orders: DemoOrder[];
}

export interface DemoStoreCounts {
  customers: number;
  orders: number;
}

interface ProductTemplate {
  name: string;
  category: string;
  basePrice: number;
  options: Record<string, readonly string[]>;
}

const CATALOGUE: readonly ProductTemplate[] = [
  {
    name: 'Trail Runner 2 shoes',
    category: 'footwear',
    basePrice: 119,
    options: { size: ['8', '9', '10', '11'], color: ['graphite', 'moss', 'sand'] },
  },
  {
    name: 'Merino crew socks (3 pack)',
    category: 'apparel',
    basePrice: 24,
    options: { size: ['S', 'M', 'L'], color: ['charcoal', 'oat'] },
  },
  { name: 'Packable rain shell', category: 'apparel', basePrice: 89, options: { size: ['S', 'M', 'L', 'XL'], color: ['navy', 'ember'] } },
  { name: 'Waxed canvas tote', category: 'bags', basePrice: 29, options: { color: ['natural', 'black'] } },
  {
    name: 'Insulated water bottle',
    category: 'outdoor',
    basePrice: 32,
    options: { capacity: ['500 ml', '750 ml', '1 l'], color: ['slate', 'coral', 'mint'] },
  },
  { name: 'Ceramic pour-over dripper', category: 'kitchen', basePrice: 22, options: { color: ['white', 'speckled'] } },
  { name: 'Hand-crank burr grinder', category: 'kitchen', basePrice: 64, options: { finish: ['steel', 'walnut'] } },
  {
    name: 'Gooseneck kettle',
    category: 'kitchen',
    basePrice: 58,
    options: { capacity: ['0.8 l', '1.2 l'], finish: ['matte black', 'brushed steel'] },
  },
  {
    name: 'Linen duvet cover',
    category: 'home',
    basePrice: 139,
    options: { size: ['twin', 'queen', 'king'], color: ['flax', 'stone', 'sage'] },
  },
  { name: 'Wool throw blanket', category: 'home', basePrice: 79, options: { color: ['rust', 'heather grey'] } },
  { name: 'Articulated desk lamp', category: 'home', basePrice: 72, options: { finish: ['brass', 'white'], light: ['warm', 'neutral'] } },
  {
    name: 'Portable speaker',
    category: 'electronics',
    basePrice: 95,
    options: { color: ['black', 'sand'], battery: ['standard', 'extended'] },
  },
  { name: 'Noise-cancelling headphones', category: 'electronics', basePrice: 229, options: { color: ['black', 'silver'] } },
  { name: 'Wireless charging pad', category: 'electronics', basePrice: 35, options: { power: ['10 W', '15 W'] } },
  {
    name: 'Low-profile mechanical keyboard',
    category: 'electronics',
    basePrice: 129,
    options: { switch: ['linear', 'tactile', 'clicky'], layout: ['US', 'UK'] },
  },
  {
    name: 'Vertical ergonomic mouse',
    category: 'electronics',
    basePrice: 59,
    options: { hand: ['right', 'left'], connection: ['bluetooth', 'usb receiver'] },
  },
  {
    name: 'Felt laptop sleeve',
    category: 'bags',
    basePrice: 39,
    options: { size: ['13 in', '14 in', '16 in'], color: ['charcoal', 'olive'] },
  },
  { name: 'Cork yoga mat', category: 'fitness', basePrice: 49, options: { thickness: ['4 mm', '6 mm'], color: ['plum', 'teal', 'black'] } },
  { name: 'Adjustable dumbbell', category: 'fitness', basePrice: 189, options: { range: ['5-25 lb', '10-50 lb'] } },
  { name: 'Cast iron skillet', category: 'kitchen', basePrice: 42, options: { size: ['8 in', '10 in', '12 in'] } },
  {
    name: "Chef's knife",
    category: 'kitchen',
    basePrice: 85,
    options: { length: ['6 in', '8 in'], handle: ['olive wood', 'black composite'] },
  },
  { name: 'Glass food containers (set of 5)', category: 'kitchen', basePrice: 38, options: { lid: ['bamboo', 'silicone'] } },
  {
    name: 'Camping lantern',
    category: 'outdoor',
    basePrice: 44,
    options: { color: ['forest', 'orange'], power: ['rechargeable', 'AA batteries'] },
  },
  { name: 'Two-person tent', category: 'outdoor', basePrice: 249, options: { color: ['green', 'grey'] } },
  { name: 'Down sleeping bag', category: 'outdoor', basePrice: 279, options: { rating: ['0 °C', '-7 °C'], length: ['regular', 'long'] } },
  {
    name: 'Polarised sunglasses',
    category: 'accessories',
    basePrice: 110,
    options: { frame: ['tortoise', 'black'], lens: ['grey', 'amber'] },
  },
  {
    name: 'Leather wallet',
    category: 'accessories',
    basePrice: 55,
    options: { color: ['tan', 'espresso'], style: ['bifold', 'card holder'] },
  },
  { name: 'Hardshell carry-on', category: 'bags', basePrice: 199, options: { color: ['midnight', 'silver', 'sage'] } },
  {
    name: "Kids' rain boots",
    category: 'footwear',
    basePrice: 36,
    options: { size: ['10', '11', '12', '13', '1'], color: ['yellow', 'red'] },
  },
  {
    name: 'Ceramic plant pot with saucer',
    category: 'home',
    basePrice: 26,
    options: { size: ['small', 'medium', 'large'], color: ['terracotta', 'white'] },
  },
];

const FIRST_NAMES = [
  'Amara',
  'Bastian',
  'Chiara',
  'Dmitri',
  'Elif',
  'Farid',
  'Greta',
  'Hiro',
  'Ines',
  'Jonas',
  'Kavya',
  'Lukas',
  'Mei',
  'Nadia',
  'Oskar',
  'Priya',
  'Quentin',
  'Rosa',
  'Sami',
  'Tamsin',
  'Umar',
  'Vera',
  'Wen',
  'Ximena',
  'Yusra',
  'Zoltan',
  'Aiko',
  'Bram',
  'Celeste',
  'Dario',
];
const LAST_NAMES = [
  'Abernathy',
  'Bergström',
  'Castellano',
  'Delacroix',
  'Eze',
  'Fontaine',
  'Gallagher',
  'Haddad',
  'Ivanova',
  'Jablonski',
  'Kowalczyk',
  'Lindqvist',
  'Mbeki',
  'Nakamura',
  'Okafor',
  'Petrov',
  'Quiroga',
  'Rasmussen',
  'Sato',
  'Teixeira',
  'Uribe',
  'Valdés',
  'Whitlock',
  'Yilmaz',
];
const STREETS = [
  'Maple Row',
  'Harbor Street',
  'Juniper Lane',
  'Foundry Road',
  'Orchard Avenue',
  'Quarry Hill',
  'Willow Court',
  'Beacon Way',
  'Cedar Loop',
  'Millrace Drive',
];
/** City, state and the first three digits of its zip codes. */
const CITIES: readonly (readonly [string, string, string])[] = [
  ['Portland', 'OR', '972'],
  ['Austin', 'TX', '787'],
  ['Madison', 'WI', '537'],
  ['Asheville', 'NC', '288'],
  ['Boise', 'ID', '837'],
  ['Burlington', 'VT', '054'],
  ['Tucson', 'AZ', '857'],
  ['Savannah', 'GA', '314'],
  ['Spokane', 'WA', '992'],
  ['Ann Arbor', 'MI', '481'],
  ['Santa Fe', 'NM', '875'],
  ['Duluth', 'MN', '558'],
];
const EMAIL_DOMAINS = ['example.com', 'example.net', 'example.org'];
const CARRIERS = ['UPS', 'FedEx', 'USPS'];

export function generateDemoStoreData(
  seed: number = DEFAULT_DEMO_SEED,
  counts: DemoStoreCounts = { customers: 50, orders: 150 },
): DemoStoreData {
  const random = seededRandom(seed);
  const int = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    const item = items[Math.floor(random() * items.length)];
    if (item === undefined) throw new Error('cannot pick from an empty list');
    return item;
  };
  const chance = (p: number): boolean => random() < p;
  const usedIds = new Set<string>();
  const uniqueId = (make: () => string): string => {
    for (;;) {
      const id = make();
      if (!usedIds.has(id)) {
        usedIds.add(id);
        return id;
      }
    }
  };
  const digits = (n: number): string => Array.from({ length: n }, () => String(int(0, 9))).join('');
  const isoDaysAgo = (days: number, hour = int(7, 21)): string =>
    new Date(DEMO_EPOCH - days * 86_400_000 + (hour - 12) * 3_600_000 + int(0, 59) * 60_000).toISOString();
  const money = (n: number): number => Math.round(n * 100) / 100;

  const products: DemoProduct[] = CATALOGUE.map((template) => {
    const axes = Object.entries(template.options);
    let combos: Record<string, string>[] = [{}];
    for (const [axis, values] of axes) combos = combos.flatMap((combo) => values.map((value) => ({ ...combo, [axis]: value })));
    // Not every combination is stocked, as in a real catalogue; keep at least two variants to exchange between.
    const kept = combos.filter((_, index) => index < 2 || chance(0.75)).slice(0, 8);
    return {
      id: uniqueId(() => `prod_${digits(6)}`),
      name: template.name,
      category: template.category,
      variants: kept.map((options) => ({
        itemId: uniqueId(() => `${int(1, 9)}${digits(9)}`),
        options,
        price: money(template.basePrice * (1 + (random() - 0.5) * 0.12)),
        inventory: chance(0.15) ? 0 : int(1, 40),
      })),
    };
  });

  const customers: DemoCustomer[] = [];
  const usedEmails = new Set<string>();
  for (let i = 0; i < counts.customers; i++) {
    const firstName = pick(FIRST_NAMES);
    const lastName = pick(LAST_NAMES);
    const [city, state, zipPrefix] = pick(CITIES);
    const ascii = (s: string): string =>
      s
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[^a-z]/g, '');
    let email = `${ascii(firstName)}.${ascii(lastName)}@${pick(EMAIL_DOMAINS)}`;
    while (usedEmails.has(email)) email = `${ascii(firstName)}.${ascii(lastName)}${int(2, 99)}@${pick(EMAIL_DOMAINS)}`;
    usedEmails.add(email);
    const paymentMethods: DemoPaymentMethod[] = [
      { id: uniqueId(() => `card_${digits(7)}`), type: 'card', brand: pick(['visa', 'mastercard', 'amex'] as const), last4: digits(4) },
    ];
    if (chance(0.45)) paymentMethods.push({ id: uniqueId(() => `paypal_${digits(7)}`), type: 'paypal', email });
    if (chance(0.35)) paymentMethods.push({ id: uniqueId(() => `gift_card_${digits(7)}`), type: 'gift_card', balance: int(10, 300) });
    customers.push({
      id: uniqueId(() => `cus_${digits(6)}`),
      firstName,
      lastName,
      email,
      // 555-01xx numbers are reserved for fiction.
      phone: `+1-${zipPrefix.slice(0, 3)}-555-01${digits(2)}`,
      address: {
        address1: `${int(10, 9899)} ${pick(STREETS)}`,
        address2: chance(0.3) ? `Apt ${int(1, 40)}${pick(['', 'A', 'B'])}` : '',
        city,
        state,
        zip: `${zipPrefix}${digits(2)}`,
        country: 'USA',
      },
      paymentMethods,
      orderIds: [],
    });
  }

  const orders: DemoOrder[] = [];
  for (let i = 0; i < counts.orders; i++) {
    // Every customer has at least one order; the rest are spread at random.
    const customer = customers[i] ?? pick(customers);
    const roll = random();
    const status: DemoOrderStatus = roll < 0.22 ? 'pending' : roll < 0.45 ? 'processed' : roll < 0.88 ? 'delivered' : 'cancelled';
    const daysAgo = status === 'pending' ? int(0, 4) : status === 'processed' ? int(2, 9) : int(10, 120);
    const createdAt = isoDaysAgo(daysAgo);
    const lines = int(1, 4);
    const items: DemoOrderItem[] = [];
    const takenItems = new Set<string>();
    while (items.length < lines) {
      const product = pick(products);
      const variant = pick(product.variants);
      if (takenItems.has(variant.itemId)) continue;
      takenItems.add(variant.itemId);
      items.push({
        itemId: variant.itemId,
        productId: product.id,
        name: product.name,
        options: { ...variant.options },
        price: variant.price,
      });
    }
    const total = money(items.reduce((sum, item) => sum + item.price, 0));
    const giftCard = customer.paymentMethods.find((m): m is Extract<DemoPaymentMethod, { type: 'gift_card' }> => m.type === 'gift_card');
    const payable = customer.paymentMethods.filter((m) => m.type !== 'gift_card' || (giftCard !== undefined && giftCard.balance >= total));
    const method = pick(payable);
    const payments: DemoPayment[] = [];
    const paymentId = (): string => uniqueId(() => `pay_${digits(8)}`);
    const failureReason = pick(['card_declined', 'insufficient_funds', 'expired_card'] as const);
    if (status === 'pending' && chance(0.3)) {
      // Still pending because the payment failed and the customer has not retried.
      payments.push({
        id: paymentId(),
        kind: 'payment',
        paymentMethodId: method.id,
        amount: total,
        status: 'failed',
        createdAt,
        failureReason,
      });
    } else {
      if (chance(0.08))
        payments.push({
          id: paymentId(),
          kind: 'payment',
          paymentMethodId: method.id,
          amount: total,
          status: 'failed',
          createdAt,
          failureReason,
        });
      payments.push({ id: paymentId(), kind: 'payment', paymentMethodId: method.id, amount: total, status: 'succeeded', createdAt });
      if (method.type === 'gift_card') method.balance = money(method.balance - total);
    }
    const fulfillments: DemoFulfillment[] = [];
    if (status === 'processed' || status === 'delivered') {
      fulfillments.push({
        carrier: pick(CARRIERS),
        trackingNumber: digits(12),
        itemIds: items.map((item) => item.itemId),
        shippedAt: isoDaysAgo(Math.max(0, daysAgo - 1)),
        ...(status === 'delivered' ? { deliveredAt: isoDaysAgo(Math.max(0, daysAgo - int(3, 7))) } : {}),
      });
    }
    const order: DemoOrder = {
      id: uniqueId(() => `W${int(1, 9)}${digits(6)}`),
      customerId: customer.id,
      status,
      createdAt,
      updatedAt: createdAt,
      address: chance(0.1) ? { ...customer.address, address1: `${int(10, 9899)} ${pick(STREETS)}`, address2: '' } : { ...customer.address },
      items,
      payments,
      fulfillments,
    };
    if (status === 'cancelled') {
      order.cancelReason = pick(['no longer needed', 'ordered by mistake']);
      for (const payment of payments.filter((p) => p.kind === 'payment' && p.status === 'succeeded')) {
        payments.push({
          id: paymentId(),
          kind: 'refund',
          paymentMethodId: payment.paymentMethodId,
          amount: payment.amount,
          status: 'succeeded',
          createdAt,
        });
        if (method.type === 'gift_card') method.balance = money(method.balance + payment.amount);
      }
    }
    orders.push(order);
    customer.orderIds.push(order.id);
  }

  return { seed, currency: DEMO_CURRENCY, customers, products, orders };
}

export { seededRandom };
