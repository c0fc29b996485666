/**
 * The vector codec every sync client relies on: base64 round trips exactly, int8 quantisation
 * keeps cosine similarity, and garbage is refused with a typed error instead of decoding to noise.
 */
import { describe, expect, it } from 'vitest';
import {
  base64ToBytes,
  bytesToBase64,
  dequantiseVector,
  InvalidBase64Error,
  knowledgeSyncAnswerSchema,
  knowledgeSyncInputSchema,
  KNOWLEDGE_SYNC_FORMAT,
  quantiseVector,
} from './knowledgeSync.js';
import { cosineSimilarity as cosine } from './search/vectorIndex.js';

describe('knowledge sync vector codec', () => {
  it('encodes standard base64 with padding (RFC 4648 test vectors)', () => {
    const text = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
    expect(bytesToBase64(text(''))).toBe('');
    expect(bytesToBase64(text('f'))).toBe('Zg==');
    expect(bytesToBase64(text('fo'))).toBe('Zm8=');
    expect(bytesToBase64(text('foo'))).toBe('Zm9v');
    expect(bytesToBase64(text('foobar'))).toBe('Zm9vYmFy');
    expect(bytesToBase64(Uint8Array.of(0xfb, 0xff))).toBe('+/8=');
  });

  it('round-trips bytes of every length', () => {
    for (let length = 0; length < 40; length++) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 97 + length * 13) % 256);
      expect(Array.from(base64ToBytes(bytesToBase64(bytes)))).toEqual(Array.from(bytes));
    }
  });

  it('refuses malformed base64', () => {
    expect(() => base64ToBytes('abc')).toThrow(InvalidBase64Error);
    expect(() => base64ToBytes('ab!d')).toThrow(InvalidBase64Error);
    expect(() => base64ToBytes('a=bc')).toThrow(InvalidBase64Error);
  });

  it('quantises a 512-d vector to int8 keeping its direction', () => {
    const vector = Float32Array.from({ length: 512 }, (_, i) => Math.sin(i * 1.7) * (i % 7 === 0 ? 3 : 1));
    const restored = dequantiseVector(quantiseVector(vector));
    expect(restored).toHaveLength(512);
    expect(cosine(vector, restored)).toBeGreaterThan(0.999);
  });

  it('keeps an all-zero vector zero', () => {
    const restored = dequantiseVector(quantiseVector(new Float32Array(8)));
    expect(Array.from(restored)).toEqual(new Array(8).fill(0));
  });
});

describe('knowledge sync answers', () => {
  const identity = { epoch: '5f0c6d1e-1d2b-4c55-9d0e-0f6a8c1b2d3e', format: KNOWLEDGE_SYNC_FORMAT };
  const page = {
    kind: 'page',
    ...identity,
    cursor: 4,
    upserts: [],
    deletions: ['doc_1'],
    hasMore: false,
    embedder: null,
    latestCursor: 4,
    horizon: 0,
  };

  it('is a page or a reset, each naming the store and format it comes from', () => {
    expect(knowledgeSyncAnswerSchema.parse(page)).toEqual(page);
    expect(knowledgeSyncAnswerSchema.parse({ kind: 'reset', ...identity, reason: 'pruned' })).toMatchObject({ kind: 'reset' });
    expect(knowledgeSyncAnswerSchema.safeParse({ kind: 'reset', ...identity, reason: 'bored' }).success).toBe(false);
    expect(knowledgeSyncAnswerSchema.safeParse({ ...page, epoch: undefined }).success).toBe(false);
    expect(knowledgeSyncAnswerSchema.safeParse({ ...page, kind: undefined }).success).toBe(false);
  });

  it('asks with a cursor alone for a fresh copy, or with the identity the copy was built from', () => {
    expect(knowledgeSyncInputSchema.parse({ cursor: 0 })).toEqual({ cursor: 0, limit: 500 });
    expect(knowledgeSyncInputSchema.parse({ cursor: 9, ...identity, horizon: 3 })).toEqual({
      cursor: 9,
      limit: 500,
      ...identity,
      horizon: 3,
    });
    expect(knowledgeSyncInputSchema.safeParse({ cursor: 9, ...identity, format: 0 }).success).toBe(false);
    expect(knowledgeSyncInputSchema.safeParse({ cursor: 9, ...identity, epoch: '' }).success).toBe(false);
  });
});
