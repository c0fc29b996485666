/**
 * Which workspaces' knowledge just changed, for `knowledge.changes` subscribers: one reader of the
 * change feed per server process, however many panels are open. A write on this node calls
 * `notify()` and is seen at once; writes by other nodes are picked up by polling the feed, only
 * while someone listens. Listeners get a wake-up, not the changes: each reads where its own
 * workspace's feed stands, so a missed or doubled wake-up costs nothing but a query.
 */
import type { Logger } from '../../logging/logger.js';
import type { KnowledgeChange, KnowledgeRepo } from '../../storage/knowledgeRepo.js';

/** Feed rows read per round trip while catching up. */
const PAGE = 1000;

export type ChangeListener = () => void;

export class KnowledgeChangeWatch {
  private readonly listeners = new Map<string, Set<ChangeListener>>();
  /** The newest feed row examined; undefined until the first catch-up after someone started listening. */
  private seq: number | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  private started = false;
  private readonly closer = new AbortController();
  /** Aborted when the server drains: every stream following this watch ends, so the server can close its connections. */
  readonly closing: AbortSignal = this.closer.signal;

  constructor(
    private readonly repo: Pick<KnowledgeRepo, 'latestChangeSeq' | 'changesSince'>,
    private readonly log: Logger,
    private readonly options: { pollMs: number },
  ) {}

  /** Allows polling for other nodes' writes (it runs only while someone listens). */
  start(): void {
    this.started = true;
    this.schedule();
  }

  stop(): void {
    this.started = false;
    this.schedule();
  }

  /** Ends every subscriber's stream (they reconnect to another node, or fall back to polling) and stops for good. */
  close(): void {
    this.closer.abort();
    this.stop();
  }

  /**
   * Calls `listener` whenever the workspace's feed may have moved. Registered before the caller
   * reads the feed, so nothing committed after that read can go unannounced.
   */
  listen(tenantId: string, listener: ChangeListener): () => void {
    const set = this.listeners.get(tenantId) ?? new Set();
    set.add(listener);
    this.listeners.set(tenantId, set);
    this.schedule();
    this.notify();
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(tenantId) === set) this.listeners.delete(tenantId);
      this.schedule();
    };
  }

  /** Something was written (here or, by the poll, elsewhere): look at the feed soon, without overlapping runs. */
  notify(): void {
    if (this.running !== undefined) {
      this.again = true;
      return;
    }
    this.running = this.catchUp()
      .catch((err: unknown) => this.log.error({ err }, 'knowledge change watch failed to read the feed'))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.notify();
        }
      });
  }

  /** Polls only while started and someone listens: an idle server does not query the feed for nobody. */
  private schedule(): void {
    const wanted = this.started && this.listeners.size > 0;
    if (wanted && this.timer === undefined) {
      this.timer = setInterval(() => this.notify(), this.options.pollMs);
      this.timer.unref();
    } else if (!wanted && this.timer !== undefined) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }

  private async catchUp(): Promise<void> {
    if (this.listeners.size === 0) {
      // Nobody heard what happened meanwhile; the next listener reads the feed itself anyway.
      this.seq = undefined;
      return;
    }
    const latest = await this.repo.latestChangeSeq();
    if (this.seq === undefined || latest < this.seq) {
      // First look since listeners came (or the feed was replaced under us): wake everyone once,
      // since a change between their own read and this one would otherwise go unannounced.
      this.seq = latest;
      this.wake([...this.listeners.keys()]);
      return;
    }
    while (latest > this.seq) {
      const changes = await this.repo.changesSince(this.seq, PAGE);
      if (changes.length === 0) break;
      this.seq = (changes[changes.length - 1] as KnowledgeChange).seq;
      this.wake(new Set(changes.map((c) => c.tenantId)));
    }
  }

  private wake(tenantIds: Iterable<string>): void {
    for (const tenantId of tenantIds) {
      for (const listener of this.listeners.get(tenantId) ?? []) {
        try {
          listener();
        } catch (err) {
          this.log.error({ err, tenantId }, 'a knowledge change listener failed');
        }
      }
    }
  }
}
