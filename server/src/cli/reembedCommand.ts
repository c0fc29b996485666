/**
 * `tandem reembed`: after changing TANDEM_EMBEDDER, drops the stored vectors and records the new
 * embedder; the server rebuilds the vectors in the background on its next start.
 */
import type { ServerConfig } from '../config/env.js';
import { createEmbedder } from '../knowledge/embedding/createEmbedder.js';
import { reembed } from '../knowledge/search/vectorFiller.js';
import { openStore } from '../storage/store.js';

export async function reembedCommand(config: ServerConfig): Promise<number> {
  const store = await openStore(config);
  const embedder = createEmbedder(config.embedder);
  try {
    await reembed(store.knowledge, embedder);
    process.stdout.write(`Vectors cleared; the server will rebuild them with '${embedder.id}' when it starts.\n`);
    return 0;
  } finally {
    await embedder.close();
    await store.close();
  }
}
