// The tools a draft offers the model describe what the model sends: a field with a default is
// optional (the model was told it was required before), and the catalog's cap holds.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ActionDefinition } from './actionDefinition.js';
import { draftToolsOf } from './draftTools.js';

const action = (name: string): ActionDefinition =>
  ({
    name,
    title: 'Cancel an order',
    description: 'Cancels a pending order.',
    risk: 'write',
    allowedRoles: ['agent'],
    argumentsSchema: z.object({
      orderId: z.string(),
      reason: z.enum(['no longer needed', 'ordered by mistake']).default('no longer needed'),
    }),
  }) as unknown as ActionDefinition;

describe('draftToolsOf', () => {
  it('marks fields with defaults optional and required fields required', () => {
    const [tool] = draftToolsOf({ list: () => [action('shop.cancel')], get: () => undefined });
    const parameters = tool?.parameters as { required?: string[]; properties?: Record<string, unknown>; $schema?: string };
    expect(parameters.required).toEqual(['orderId']);
    expect(Object.keys(parameters.properties ?? {})).toEqual(['orderId', 'reason']);
    expect(parameters.$schema).toBeUndefined();
    expect(tool).toMatchObject({ name: 'shop.cancel', description: 'Cancel an order. Cancels a pending order.', risk: 'write' });
  });

  it('offers at most the cap', () => {
    const many = Array.from({ length: 20 }, (_, i) => action(`a${i}`));
    expect(draftToolsOf({ list: () => many, get: () => undefined }, 16)).toHaveLength(16);
  });
});
