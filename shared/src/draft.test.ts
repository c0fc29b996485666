import { describe, expect, it } from 'vitest';
import { draftEventSchema, type DraftEvent } from './draft.js';
import { httpStatusOf, tandemErrorSchema } from './errors.js';

describe('DraftEvent', () => {
  it('parses each event kind by its type', () => {
    const events: unknown[] = [
      {
        type: 'analysis',
        analysis: {
          intent: { label: 'card_declined', confidence: 0.8 },
          sentiment: 'negative',
          frustration: 0.6,
          urgency: 'high',
          language: 'en',
        },
      },
      { type: 'token', text: 'Hello' },
      { type: 'done', confidence: 0.72, needsReview: false, citations: [1], drafter: 'embedded' },
      { type: 'error', error: { code: 'UPSTREAM_UNAVAILABLE', message: 'LLM provider failed' } },
    ];
    expect(events.map((e) => draftEventSchema.parse(e).type)).toEqual(['analysis', 'token', 'done', 'error']);
  });

  it('rejects an event whose payload does not match its type', () => {
    expect(draftEventSchema.safeParse({ type: 'token', sources: [] }).success).toBe(false);
    expect(draftEventSchema.safeParse({ type: 'done', confidence: 1.5, needsReview: false, citations: [], drafter: 'llm' }).success).toBe(
      false,
    );
    expect(draftEventSchema.safeParse({ type: 'telemetry' }).success).toBe(false);
  });

  it('lets a client switch exhaustively on the type', () => {
    const describeEvent = (e: DraftEvent): string => {
      switch (e.type) {
        case 'analysis':
        case 'sources':
        case 'live':
        case 'actions':
          return 'panel';
        case 'token':
        case 'restart':
          return 'draft';
        case 'done':
        case 'error':
          return 'end';
      }
    };
    expect(describeEvent({ type: 'token', text: 'x' })).toBe('draft');
  });
});

describe('TandemError', () => {
  it('maps codes to HTTP statuses', () => {
    expect(httpStatusOf('UNAUTHORIZED')).toBe(401);
    expect(httpStatusOf('BAD_REQUEST')).toBe(400);
    expect(httpStatusOf('TOO_MANY_REQUESTS')).toBe(429);
  });

  it('carries flattened issues', () => {
    const parsed = tandemErrorSchema.parse({
      code: 'BAD_REQUEST',
      message: 'Invalid input',
      issues: { formErrors: [], fieldErrors: { name: ['Too small'] } },
    });
    expect(parsed.issues?.fieldErrors.name).toEqual(['Too small']);
  });
});
