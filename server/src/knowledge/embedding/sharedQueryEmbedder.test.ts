import { describe, expect, it } from 'vitest';
import type { Embedder } from './embedder.js';
import { sharedQueryEmbedder } from './sharedQueryEmbedder.js';

function countingEmbedder(fail = false) {
  const calls: string[][] = [];
  const embedder: Embedder = {
    id: 'counting@1',
    dimensions: 2,
    batchSize: 8,
    embed: (texts) => {
      calls.push([...texts]);
      return fail ? Promise.reject(new Error('down')) : Promise.resolve(texts.map((t) => Float32Array.from([t.length, 1])));
    },
    close: () => Promise.resolve(),
  };
  return { embedder, calls };
}

describe('sharedQueryEmbedder', () => {
  it('embeds a text asked for twice at once only once, and passes batches through', async () => {
    const { embedder, calls } = countingEmbedder();
    const shared = sharedQueryEmbedder(embedder);
    const [a, b] = await Promise.all([shared.embed(['refund please']), shared.embed(['refund please'])]);
    expect(a).toEqual(b);
    await shared.embed(['a', 'b']);
    expect(calls).toEqual([['refund please'], ['a', 'b']]);
    expect(shared.id).toBe('counting@1');
  });

  it('does not remember failures', async () => {
    const { embedder, calls } = countingEmbedder(true);
    const shared = sharedQueryEmbedder(embedder);
    await expect(shared.embed(['x'])).rejects.toThrow('down');
    await expect(shared.embed(['x'])).rejects.toThrow('down');
    expect(calls).toHaveLength(2);
  });
});
