import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  codeForHttpStatus,
  flattenIssues,
  httpStatusOf,
  invalidInputError,
  tandemError,
  tandemErrorCodeSchema,
  tandemErrorSchema,
} from './errors.js';

const batchSchema = z.object({ name: z.string().min(2), events: z.array(z.object({ at: z.iso.datetime() })) });

describe('error helpers', () => {
  it('maps every code to a status and back', () => {
    for (const code of tandemErrorCodeSchema.options) expect(codeForHttpStatus(httpStatusOf(code))).toBe(code);
  });

  it('turns statuses outside the list into a bad request or an internal error', () => {
    expect(codeForHttpStatus(406)).toBe('BAD_REQUEST');
    expect(codeForHttpStatus(502)).toBe('INTERNAL_SERVER_ERROR');
  });

  it('keys top-level fields like zod’s flattenError, nested ones by their dotted path', () => {
    const error = batchSchema.safeParse({ name: 'x', events: [{ at: '2025-01-01T00:00:00Z' }, { at: 'yesterday' }] }).error!;
    const flat = flattenIssues(error);
    expect(flat.fieldErrors.name).toEqual(z.flattenError(error).fieldErrors.name);
    expect(Object.keys(flat.fieldErrors)).toEqual(['name', 'events.1.at']);
    expect(flattenIssues(z.string().safeParse(42).error!)).toMatchObject({ formErrors: [expect.any(String)], fieldErrors: {} });
  });

  it('builds errors that parse with the shared schema and carry no undefined keys', () => {
    const plain = tandemError('NOT_FOUND', 'No such source', { requestId: undefined });
    expect(Object.keys(plain)).toEqual(['code', 'message']);
    const invalid = invalidInputError(batchSchema.safeParse({ name: 'x', events: [] }).error!, { requestId: 'req-1' });
    expect(tandemErrorSchema.parse(invalid)).toEqual(invalid);
    expect(invalid).toMatchObject({ code: 'BAD_REQUEST', message: 'Invalid input', requestId: 'req-1' });
    expect(invalid.issues?.fieldErrors.name).toHaveLength(1);
  });

  it('does not echo the value that failed', () => {
    const secret = 'tdm_live_0123456789abcdef';
    const error = invalidInputError(z.object({ url: z.url(), n: z.number() }).strict().safeParse({ url: secret, n: secret }).error!);
    expect(JSON.stringify(error)).not.toContain(secret);
  });
});
