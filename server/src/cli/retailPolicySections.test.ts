import { describe, expect, it } from 'vitest';
import { headingSlug, splitPolicySections } from './retailPolicySections.js';

const POLICY = `# Retail agent policy

Authenticate the user first.

## Domain basic

- Times are EST.

### User

Each user has a profile.

## Cancel pending order

Only pending orders can be cancelled.

## Empty section

## Modify pending order

Pending orders only.

### Modify payment

One payment method.
`;

describe('splitPolicySections', () => {
  it('makes one section per heading with ids derived from the heading path', () => {
    const sections = splitPolicySections(POLICY);
    expect(sections.map((s) => s.id)).toEqual([
      'retail-policy#retail-agent-policy',
      'retail-policy#domain-basic',
      'retail-policy#domain-basic/user',
      'retail-policy#cancel-pending-order',
      'retail-policy#modify-pending-order',
      'retail-policy#modify-pending-order/modify-payment',
    ]);
  });

  it("names a subsection under its parent and keeps only the section's own text", () => {
    const sections = splitPolicySections(POLICY);
    expect(sections.find((s) => s.id.endsWith('/modify-payment'))).toEqual({
      id: 'retail-policy#modify-pending-order/modify-payment',
      title: 'Modify pending order: Modify payment',
      body: 'One payment method.',
    });
    expect(sections.find((s) => s.id === 'retail-policy#modify-pending-order')?.body).toBe('Pending orders only.');
  });

  it('slugs headings to lower-case words joined by dashes', () => {
    expect(headingSlug("Return delivered order (customer's)")).toBe('return-delivered-order-customer-s');
  });
});
