/**
 * The knowledge change feed as clients (the extension's local cache) consume it: pages of whole
 * documents with their chunks and int8-quantised vectors, deletions, and the cursor to resume
 * from, or "reset" when the client's copy cannot be continued. Also the codec for those vectors,
 * so server and clients agree on every byte.
 */
import { z } from 'zod';

/** An int8 vector with one scale per vector: value ≈ byte × scale. Base64, ~4.5× smaller than float JSON. */
export const quantisedVectorSchema = z.object({
  /** Base64 of the signed bytes. */
  b64: z.string().max(16_384),
  scale: z.number().nonnegative(),
});
export type QuantisedVector = z.infer<typeof quantisedVectorSchema>;

export const syncedChunkSchema = z.object({
  chunkId: z.string().min(1).max(300),
  ordinal: z.number().int().nonnegative(),
  sectionPath: z.array(z.string().max(500)).max(20),
  text: z.string().max(100_000),
  vector: quantisedVectorSchema.optional(),
});
export type SyncedChunk = z.infer<typeof syncedChunkSchema>;

export const syncedDocumentSchema = z.object({
  documentId: z.string().min(1).max(300),
  sourceId: z.string().min(1).max(300),
  title: z.string().max(500),
  url: z.string().max(2048).optional(),
  language: z.string().max(35).optional(),
  tags: z.array(z.string().max(100)).max(100),
  version: z.number().int().nonnegative(),
  titleVector: quantisedVectorSchema.optional(),
  chunks: z.array(syncedChunkSchema).max(10_000),
});
export type SyncedDocument = z.infer<typeof syncedDocumentSchema>;

/**
 * What a page means to a cache that stores it (chunk ids, vector codec, fields). Raise it when
 * that changes: every cache built with another format is then told to start over.
 */
export const KNOWLEDGE_SYNC_FORMAT = 1;

/** A data epoch: the random id of one server's store. Cursors mean something only within it. */
export const syncEpochSchema = z.string().min(1).max(100);
export const syncFormatSchema = z.number().int().positive();

export const knowledgeSyncInputSchema = z.object({
  /** The last cursor this client applied; 0 for a cache built from scratch. */
  cursor: z.number().int().nonnegative(),
  /** Change-feed entries read per page (one document may appear in several). */
  limit: z.number().int().min(1).max(2000).default(500),
  /** The epoch of the server the cache was built from, as its answers said; absent for a fresh cache. */
  epoch: syncEpochSchema.optional(),
  /** The format the cache was built with, as the server's answers said; absent for a fresh cache. */
  format: syncFormatSchema.optional(),
  /** The `horizon` of the last page the cache applied; absent for a fresh cache. */
  horizon: z.number().int().nonnegative().optional(),
});
export type KnowledgeSyncInput = z.input<typeof knowledgeSyncInputSchema>;
/** The input as the server reads it, defaults applied. */
export type KnowledgeSyncRequest = z.output<typeof knowledgeSyncInputSchema>;

/** Every answer says which store and format it comes from; the client keeps both with its cursor. */
const syncIdentityShape = { epoch: syncEpochSchema, format: syncFormatSchema };

export const knowledgeSyncPageSchema = z.object({
  kind: z.literal('page'),
  ...syncIdentityShape,
  /** Resume from here: every change up to it is in this page or an earlier one. */
  cursor: z.number().int().nonnegative(),
  /** Documents to store, at their latest version (replaces any older copy and its chunks). */
  upserts: z.array(syncedDocumentSchema),
  /** Documents gone from the knowledge base. */
  deletions: z.array(z.string()),
  /** More changes are waiting after `cursor`. */
  hasMore: z.boolean(),
  /** The embedder that built the vectors; a client holding another one's vectors starts over. */
  embedder: z.string().nullable(),
  /** The newest cursor on the server when the page was read, for progress. */
  latestCursor: z.number().int().nonnegative(),
  /**
   * The feed's pruning horizon when the page was read. Stored with the cursor and sent back:
   * deletions pruned before the copy was read cannot concern it, so only a horizon that moves
   * past both the cursor and this value makes the server answer "reset".
   */
  horizon: z.number().int().nonnegative(),
});
export type KnowledgeSyncPage = z.infer<typeof knowledgeSyncPageSchema>;

/**
 * Why a client's copy cannot be continued: it was built from another store (the server's data
 * was wiped or replaced) or with another format, its cursor is ahead of the feed, or the changes
 * after it were pruned.
 */
export const knowledgeSyncResetReasonSchema = z.enum(['epoch', 'format', 'ahead', 'pruned']);
export type KnowledgeSyncResetReason = z.infer<typeof knowledgeSyncResetReasonSchema>;

/** Delete the local copy and sync again from cursor 0, without an epoch or format. */
export const knowledgeSyncResetSchema = z.object({
  kind: z.literal('reset'),
  ...syncIdentityShape,
  reason: knowledgeSyncResetReasonSchema,
});
export type KnowledgeSyncReset = z.infer<typeof knowledgeSyncResetSchema>;

export const knowledgeSyncAnswerSchema = z.discriminatedUnion('kind', [knowledgeSyncPageSchema, knowledgeSyncResetSchema]);
export type KnowledgeSyncAnswer = z.infer<typeof knowledgeSyncAnswerSchema>;

export const embedQueryInputSchema = z.object({ text: z.string().trim().min(1).max(4000) });
export const embedQueryOutputSchema = z.object({ embedder: z.string().nullable(), vector: quantisedVectorSchema.nullable() });
export type EmbedQueryOutput = z.infer<typeof embedQueryOutputSchema>;

// Hand-written so this stays pure TypeScript (no Buffer, no DOM btoa) and runs in every context.
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = new Int16Array(128).fill(-1);
const B64_CODES = Uint8Array.from(B64, (c) => c.charCodeAt(0));
for (let i = 0; i < B64.length; i++) B64_INDEX[B64.charCodeAt(i)] = i;

export function bytesToBase64(bytes: Uint8Array): string {
  // Character codes first, then one fromCharCode per slice: string concatenation per character
  // made a 512-d vector cost ~0.5 ms, which dominated a 2,000-chunk sync page.
  const codes = new Uint16Array(Math.ceil(bytes.length / 3) * 4);
  let o = 0;
  for (let i = 0; i < bytes.length; i += 3) {
    const remaining = bytes.length - i;
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    codes[o++] = B64_CODES[(n >> 18) & 63] ?? 0;
    codes[o++] = B64_CODES[(n >> 12) & 63] ?? 0;
    codes[o++] = remaining > 1 ? (B64_CODES[(n >> 6) & 63] ?? 0) : 61;
    codes[o++] = remaining > 2 ? (B64_CODES[n & 63] ?? 0) : 61;
  }
  let out = '';
  const slice = 8_192;
  for (let i = 0; i < codes.length; i += slice) out += String.fromCharCode(...codes.subarray(i, i + slice));
  return out;
}

export class InvalidBase64Error extends Error {
  constructor() {
    super('Not valid base64');
    this.name = 'InvalidBase64Error';
  }
}

export function base64ToBytes(b64: string): Uint8Array {
  if (b64.length % 4 !== 0) throw new InvalidBase64Error();
  const padding = b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0;
  const bytes = new Uint8Array((b64.length / 4) * 3 - padding);
  let o = 0;
  for (let i = 0; i < b64.length; i += 4) {
    let n = 0;
    for (let j = 0; j < 4; j++) {
      const code = b64.charCodeAt(i + j);
      const value = code === 61 && i + j >= b64.length - padding ? 0 : code < 128 ? (B64_INDEX[code] ?? -1) : -1;
      if (value < 0) throw new InvalidBase64Error();
      n = (n << 6) | value;
    }
    if (o < bytes.length) bytes[o++] = (n >> 16) & 255;
    if (o < bytes.length) bytes[o++] = (n >> 8) & 255;
    if (o < bytes.length) bytes[o++] = n & 255;
  }
  return bytes;
}

/** Scales by the largest magnitude, so every vector uses the full int8 range. */
export function quantiseVector(vector: ArrayLike<number>): QuantisedVector {
  let max = 0;
  // eslint-disable-next-line @typescript-eslint/prefer-for-of -- ArrayLike has no iterator
  for (let i = 0; i < vector.length; i++) max = Math.max(max, Math.abs(vector[i] ?? 0));
  const scale = max === 0 ? 0 : max / 127;
  const bytes = new Int8Array(vector.length);
  for (let i = 0; i < vector.length; i++) bytes[i] = scale === 0 ? 0 : Math.round((vector[i] ?? 0) / scale);
  return { b64: bytesToBase64(new Uint8Array(bytes.buffer)), scale };
}

export function dequantiseVector(quantised: QuantisedVector): Float32Array {
  const raw = base64ToBytes(quantised.b64);
  const bytes = new Int8Array(raw.buffer, raw.byteOffset, raw.byteLength);
  const out = new Float32Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) out[i] = (bytes[i] ?? 0) * quantised.scale;
  return out;
}
