// The worker host, in a thread and in a child process, against a model-free fixture worker.
import { afterEach, describe, expect, it } from 'vitest';
import { EmbedderError } from './embedder.js';
import type { Isolation } from './workerChannel.js';
import { WorkerEmbedder, type WorkerEmbedderOptions } from './workerEmbedder.js';

async function rejection(promise: Promise<unknown>): Promise<EmbedderError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EmbedderError);
  return error as EmbedderError;
}

/** Recovers n from a normalised [n + 1, 1, ...]. */
const numberOf = (v: Float32Array): number => Math.round(v[0]! / v[1]!) - 1;
const texts = (n: number): string[] => Array.from({ length: n }, (_, i) => `t${i}`);

describe.each<Isolation>(['thread', 'process'])('WorkerEmbedder in a %s', (isolation) => {
  const open: WorkerEmbedder[] = [];
  const host = (options: Partial<WorkerEmbedderOptions> = {}): WorkerEmbedder => {
    const embedder = new WorkerEmbedder({
      id: 'fixture',
      batchSize: 4,
      moduleUrl: new URL('./workerEmbedder.fixture.ts', import.meta.url),
      isolation,
      label: 'Fixture',
      ...options,
    });
    open.push(embedder);
    return embedder;
  };
  afterEach(async () => {
    await Promise.all(open.splice(0).map((e) => e.close()));
  });

  it('learns the dimensions from the first reply and returns unit vectors in order', async () => {
    const e = host();
    expect(e.dimensions).toBeUndefined();
    const vectors = await e.embed(texts(10));
    expect(vectors.map(numberOf)).toEqual(texts(10).map((_, i) => i));
    for (const v of vectors) expect(Math.hypot(...v)).toBeCloseTo(1, 6);
    expect(e.dimensions).toBe(3);
  });

  it('fails only the call whose batch the worker reports failed, and keeps the worker', async () => {
    const e = host();
    const [before] = await e.embed(['whoami']);
    const failed = rejection(e.embed(['t1', 'fail']));
    const fine = e.embed(['t2']);
    const error = await failed;
    expect(error.code).toBe('MODEL_NOT_FOUND');
    expect(error.message).toBe('the fixture has no model');
    expect((await fine).map(numberOf)).toEqual([2]);
    const [after] = await e.embed(['whoami']);
    expect(numberOf(after!)).toBe(numberOf(before!));
  });

  it('fails every pending call when the worker exits, and starts a new worker on the next call', async () => {
    const e = host();
    const [before] = await e.embed(['whoami']);
    const exiting = rejection(e.embed(['t0', 'exit']));
    const queued = rejection(e.embed(['t1']));
    const error = await exiting;
    expect(error.code).toBe('UPSTREAM_FAILED');
    expect(error.message).toMatch(/Fixture worker exited with code 3; a new one starts on the next call/);
    expect((await queued).code).toBe('UPSTREAM_FAILED');
    const [after] = await e.embed(['whoami']);
    expect(numberOf(after!)).not.toBe(numberOf(before!));
  });

  it('sends the calls that arrive while a batch is in the worker together, each getting its own vectors', async () => {
    const e = host({ batchSize: 4 });
    const first = e.embed(['count']);
    const packed = [e.embed(['t7']), e.embed(['count']), e.embed(['t8', 't9']), e.embed(['count', 't3'])];
    expect((await first).map(numberOf)).toEqual([1]);
    const results = await Promise.all(packed);
    // t7, count, t8, t9 fill the next batch of 4; the last call's texts go together in the one after.
    expect(results.map((vectors) => vectors.map(numberOf))).toEqual([[7], [4], [8, 9], [2, 3]]);
  });

  it('sends every call on its own with packSize 1', async () => {
    const e = host({ batchSize: 4, packSize: 1 });
    const calls = [e.embed(['count']), e.embed(['count']), e.embed(['count', 't1'])];
    expect((await Promise.all(calls)).map((vectors) => vectors.map(numberOf))).toEqual([[1], [1], [2, 1]]);
  });

  it('fails every call of a batch the worker fails, and only those', async () => {
    const e = host();
    const first = e.embed(['t0']);
    const failed = rejection(e.embed(['fail']));
    const neighbour = rejection(e.embed(['t2']));
    await first;
    expect((await failed).code).toBe('MODEL_NOT_FOUND');
    expect((await neighbour).code).toBe('MODEL_NOT_FOUND');
    expect((await e.embed(['t5'])).map(numberOf)).toEqual([5]);
  });

  it('stops a worker that does not answer in time', async () => {
    const e = host({ batchTimeoutMs: 300, loadTimeoutMs: 20_000 });
    await e.embed(['t0']);
    const error = await rejection(e.embed(['hang']));
    expect(error.code).toBe('UPSTREAM_FAILED');
    expect(error.message).toMatch(/did not answer within 0.3 s and was stopped/);
    expect((await e.embed(['t5'])).map(numberOf)).toEqual([5]);
  });

  it('refuses vectors of other dimensions than the first', async () => {
    const e = host();
    await e.embed(['t0']);
    const error = await rejection(e.embed(['widen']));
    expect(error.code).toBe('BAD_RESPONSE');
    expect(error.message).toMatch(/4-dimensional vectors, expected 3/);
  });

  it('fails pending calls with CLOSED on close()', async () => {
    const e = host();
    const pending = rejection(e.embed(['hang']));
    await new Promise((resolve) => setTimeout(resolve, 50));
    await e.close();
    expect((await pending).code).toBe('CLOSED');
    expect((await rejection(e.embed(['t0']))).code).toBe('CLOSED');
  });
});
