/**
 * Fills in vectors behind ingestion, off the request path: a document is searchable lexically
 * the moment it is stored; this loop embeds its chunks and title (in the embedder's worker) and
 * saves them, and the indexes pick them up from the change feed.
 */
import type { Logger } from '../../logging/logger.js';
import type { KnowledgeRepo } from '../../storage/knowledgeRepo.js';
import type { Embedder } from '../embedding/embedder.js';
import { titleToEmbed } from './knowledgeIndexes.js';

export const EMBEDDER_META_KEY = 'embedder';

export class EmbedderMismatchError extends Error {
  constructor(
    readonly stored: string,
    readonly configured: string,
  ) {
    super(
      `This knowledge base was embedded with '${stored}', but the configured embedder is '${configured}'. ` +
        `Vectors from different embedders cannot be mixed: run \`tandem reembed\` to rebuild them with '${configured}', ` +
        `or set TANDEM_EMBEDDER back.`,
    );
    this.name = 'EmbedderMismatchError';
  }
}

/** Records the embedder on first use; refuses a different one until `reembed` clears the vectors. */
export async function claimEmbedder(repo: KnowledgeRepo, embedder: Embedder): Promise<void> {
  const stored = await repo.getMeta(EMBEDDER_META_KEY);
  if (stored === undefined) await repo.setMeta(EMBEDDER_META_KEY, embedder.id);
  else if (stored !== embedder.id) throw new EmbedderMismatchError(stored, embedder.id);
}

/** Drops all vectors and records the new embedder; the filler then rebuilds them. */
export async function reembed(repo: KnowledgeRepo, embedder: Embedder): Promise<void> {
  await repo.clearVectors();
  await repo.setMeta(EMBEDDER_META_KEY, embedder.id);
}

export function chunkTextToEmbed(chunk: { title: string; sectionPath: readonly string[]; text: string }): string {
  return [chunk.title, chunk.sectionPath.join(' > '), chunk.text].filter((s) => s.length > 0).join('\n');
}

export class VectorFiller {
  private stopped = false;
  private wake: (() => void) | undefined;
  private loop: Promise<void> | undefined;
  private idleWaiters: (() => void)[] = [];
  private idle = false;

  constructor(
    private readonly repo: KnowledgeRepo,
    private readonly embedder: Embedder,
    private readonly onSaved: () => void,
    private readonly log: Logger,
  ) {}

  start(): void {
    this.loop ??= this.run();
  }

  /** New chunks were stored: embed them now rather than at the next idle check. */
  notify(): void {
    this.idle = false;
    this.wake?.();
  }

  /** Resolves when every stored chunk has a vector (tests, benchmarks, the eval CLI). */
  whenIdle(): Promise<void> {
    if (this.idle) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      let worked = false;
      try {
        worked = await this.fillOnce();
      } catch (err) {
        this.log.error({ err }, 'embedding batch failed; retrying shortly');
        await this.sleep(2000);
        continue;
      }
      if (!worked) {
        this.idle = true;
        for (const resolve of this.idleWaiters.splice(0)) resolve();
        await this.sleep(5000);
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      timer.unref();
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }

  /** Embeds one batch of chunks and titles; false when there was nothing to do. */
  private async fillOnce(): Promise<boolean> {
    const batch = this.embedder.batchSize;
    const chunks = await this.repo.unembeddedChunks(batch);
    const titles = chunks.length < batch ? await this.repo.untitledVectorDocuments(batch - chunks.length) : [];
    if (chunks.length === 0 && titles.length === 0) return false;
    const titleChunks = await this.repo.chunksOf(titles.map((t) => t.id));
    const titleTexts = titles.map((t) =>
      titleToEmbed(
        t.title,
        titleChunks.filter((c) => c.documentId === t.id),
      ),
    );
    const vectors = await this.embedder.embed([...chunks.map(chunkTextToEmbed), ...titleTexts]);
    await this.repo.saveVectors(
      chunks.map((c, i) => ({ chunkId: c.id, vector: vectors[i] as Float32Array })),
      titles.map((t, i) => ({ documentId: t.id, version: t.version, vector: vectors[chunks.length + i] as Float32Array })),
    );
    this.onSaved();
    return true;
  }
}
