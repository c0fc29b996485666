// The registry offers exactly the configured connectors' actions, and their schemas as tool-calling JSON Schema.
import { describe, expect, it } from 'vitest';
import { ConnectorError } from './actionDefinition.js';
import type { ConnectorsConfig } from '../../config/connectors.js';
import { createActionRegistry, toJsonSchema } from './actionRegistry.js';

const everything: ConnectorsConfig = {
  demoStore: { baseUrl: 'http://127.0.0.1:8787/demo-store/api' },
  shopify: { shopDomain: 'tandem-demo.myshopify.com', accessToken: 'shpat_x', agentRefundLimit: 50 },
  zendesk: { subdomain: 'tandem-demo', email: 'agent@tandem-demo.example', apiToken: 'zd_x' },
  calendly: { token: 'cal_x', owner: 'https://api.calendly.com/event_types/abc' },
  signedHttp: { url: 'https://hooks.tandem-demo.example/escalate', secret: '0123456789abcdef0123' },
};

const prefixes = (config: ConnectorsConfig): string[] => [
  ...new Set(
    createActionRegistry(config)
      .list()
      .map((a) => a.name.split('.')[0] ?? ''),
  ),
];

describe('createActionRegistry', () => {
  it('lists nothing when no connector is configured', () => {
    expect(createActionRegistry({}).list()).toEqual([]);
  });

  it('lists only the configured connectors’ actions', () => {
    expect(prefixes({ demoStore: everything.demoStore })).toEqual(['demoStore']);
    expect(prefixes({ zendesk: everything.zendesk, calendly: everything.calendly })).toEqual(['zendesk', 'calendly']);
    expect(prefixes(everything)).toEqual(['demoStore', 'shopify', 'zendesk', 'calendly', 'signedHttp']);
    expect(createActionRegistry({ shopify: everything.shopify }).get('demoStore.cancelOrder')).toBeUndefined();
  });

  it('gets an action by name', () => {
    const registry = createActionRegistry(everything);
    expect(registry.get('shopify.refundOrder')?.title).toBe('Refund Shopify order');
    expect(registry.get('zendesk.addInternalNote')?.risk).toBe('write');
    expect(registry.get('nope.nothing')).toBeUndefined();
  });

  it('names every action <connector>.<verb>, once, with a role allowed to run it', () => {
    const names = createActionRegistry(everything)
      .list()
      .map((a) => a.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z][A-Za-z]+\.[a-z][A-Za-z]+$/);
    expect(names).toHaveLength(12 + 3 + 2 + 1 + 1);
    for (const action of createActionRegistry(everything).list()) expect(action.allowedRoles.length).toBeGreaterThan(0);
  });

  it('applies the configured agent refund limit', () => {
    const refund = createActionRegistry(everything).get('shopify.refundOrder');
    expect(refund?.argumentsSchema.safeParse({ orderNumber: '#1', amount: 50, reason: 'r' }).success).toBe(true);
    expect(refund?.argumentsSchema.safeParse({ orderNumber: '#1', amount: 50.5, reason: 'r' }).success).toBe(false);
  });

  it.each<[string, ConnectorsConfig]>([
    ['a shop domain outside myshopify.com', { shopify: { shopDomain: 'shop.example.com', accessToken: 't' } }],
    ['a short signing secret', { signedHttp: { url: 'https://hooks.example/x', secret: 'short' } }],
    ['a Zendesk without subdomain or URL', { zendesk: { email: 'a@b.example', apiToken: 't' } }],
    ['a demo store URL that is not http', { demoStore: { baseUrl: 'ftp://shop.example' } }],
  ])('refuses %s with NOT_CONFIGURED', (_, config) => {
    let thrown: unknown;
    try {
      createActionRegistry(config);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConnectorError);
    expect(thrown).toMatchObject({ code: 'NOT_CONFIGURED' });
  });
});

describe('toJsonSchema', () => {
  const registry = createActionRegistry(everything);

  it('gives every action an object schema without $schema, JSON-serialisable', () => {
    for (const action of registry.list()) {
      const schema = toJsonSchema(action.argumentsSchema);
      expect(schema.type).toBe('object');
      expect(schema).not.toHaveProperty('$schema');
      expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
    }
  });

  it('marks defaulted fields optional, keeps limits and descriptions', () => {
    const schema = toJsonSchema(registry.get('shopify.refundOrder')!.argumentsSchema) as {
      required?: string[];
      properties: Record<string, { maximum?: number; description?: string }>;
    };
    expect(schema.required).toEqual(['amount', 'reason']);
    expect(schema.properties.amount?.maximum).toBe(50);
    expect(schema.properties.orderNumber?.description).toContain('#1042');

    const cancel = toJsonSchema(registry.get('demoStore.cancelOrder')!.argumentsSchema) as {
      properties: Record<string, { enum?: string[] }>;
    };
    expect(cancel.properties.reason?.enum).toEqual(['no longer needed', 'ordered by mistake']);
  });
});
