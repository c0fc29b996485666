// The Calendly action applies when the customer asks for a call, and hands back a booking link.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ActionDefinition } from '../actionDefinition.js';
import { CalendlyClient } from '../../connectors/calendly.js';
import { actionContext, runContext } from '../../../testing/actionContexts.js';
import { startFakeCalendly, type FakeCalendly } from '../../../testing/fakeCalendly.js';
import { calendlyActions } from './calendly.js';

let calendly: FakeCalendly;
let link: ActionDefinition;

beforeEach(async () => {
  calendly = await startFakeCalendly();
  [link] = calendlyActions(
    new CalendlyClient({ token: calendly.token, eventTypeUri: calendly.eventTypeUri, baseUrl: calendly.baseUrl }),
  ) as [ActionDefinition];
});
afterEach(() => calendly.close());

describe('calendly.createSchedulingLink', () => {
  it('applies when the customer asks for a call, not otherwise', () => {
    expect(link.prefill(actionContext({ subject: 'Setup help', customerSays: 'Can we schedule a call this week?' }))).toEqual({});
    expect(link.prefill(actionContext({ subject: 'Setup help', customerSays: 'The manual was enough, thanks' }))).toBeUndefined();
  });

  it('creates a link and reports it', async () => {
    const outcome = await link.execute(link.argumentsSchema.parse({}), runContext());
    expect(outcome.output.bookingUrl).toBe(calendly.links[0]?.bookingUrl);
    expect(outcome.summary).toBe(`Created a single-use booking link: ${calendly.links[0]?.bookingUrl ?? ''}`);
    expect(link.argumentsSchema.safeParse({ owner: 'https://evil.example' }).success).toBe(false);
  });
});
