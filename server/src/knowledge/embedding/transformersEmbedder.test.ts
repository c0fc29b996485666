// transformers.js without a model on the machine: the admin must be told where the files go.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmbedderError } from './embedder.js';
import { TransformersEmbedder } from './transformersEmbedder.js';

describe('TransformersEmbedder', () => {
  let modelsDir: string;
  beforeAll(async () => {
    modelsDir = await mkdtemp(path.join(tmpdir(), 'tandem-models-'));
  });
  afterAll(() => rm(modelsDir, { recursive: true, force: true }));

  it('fails fast with MODEL_NOT_FOUND and says where to put the files', async () => {
    const embedder = new TransformersEmbedder({ model: 'Xenova/all-MiniLM-L6-v2', modelsDir, allowRemote: false });
    try {
      expect(embedder.id).toBe('transformers:Xenova/all-MiniLM-L6-v2');
      expect(embedder.dimensions).toBeUndefined();
      const started = performance.now();
      for (let attempt = 0; attempt < 2; attempt++) {
        // The second attempt loads again, so files added meanwhile would be found without a restart.
        const error = await embedder.embed(['hello']).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(EmbedderError);
        const { code, message } = error as EmbedderError;
        expect(code).toBe('MODEL_NOT_FOUND');
        expect(message).toContain(path.join(modelsDir, 'Xenova', 'all-MiniLM-L6-v2'));
        expect(message).toContain('{config.json,tokenizer.json,tokenizer_config.json,onnx/model_quantized.onnx}');
        expect(message).toContain('TANDEM_TRANSFORMERS_ALLOW_REMOTE=true');
      }
      expect(performance.now() - started).toBeLessThan(15_000);
      expect(embedder.dimensions).toBeUndefined();
    } finally {
      await embedder.close();
    }
  });
});
