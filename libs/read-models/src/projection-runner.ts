import Database from 'better-sqlite3';
import { EventStore, Position, StoredEvent, upcast } from '@app/event-store';
import { Projection } from './projection';

export interface RunnerLogger {
  log(message: string): void;
  error(message: string, error?: unknown): void;
}

type CommittedListener = (events: readonly StoredEvent[]) => void;

/**
 * Events per read-database transaction while catching up. Projections key their rows by random
 * ids, so each commit rewrites pages all over the indexes (into the WAL, then again at checkpoint):
 * at 2,000 a 100,000-event rebuild wrote ~800 MB for a 43 MB database; at 10,000 it writes ~250 MB.
 */
const CATCH_UP_PAGE = 10000;

/**
 * Keeps the read database up to date with the store. Each projection has its own checkpoint,
 * written in the same transaction as the rows an event changes, so an event is applied exactly
 * once even across crashes. A projection whose version changed is rebuilt from the start.
 */
export class ProjectionRunner {
  private processed: Position = 0;
  private waiters: { position: Position; resolve: () => void; reject: (error: unknown) => void }[] = [];
  private listeners = new Set<CommittedListener>();
  private abort = new AbortController();
  private running: Promise<void> | null = null;
  private failure: Error | null = null;

  constructor(
    private readonly store: EventStore,
    private readonly db: Database.Database,
    private readonly projections: readonly Projection[],
    private readonly logger: RunnerLogger,
  ) {}

  /** Prepares every projection and catches up with the whole log before returning. */
  async start(): Promise<void> {
    this.prepare();
    await this.catchUp();
    this.running = this.follow();
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await this.running;
  }

  /** The position up to which every projection has applied the log. */
  get position(): Position {
    return this.processed;
  }

  /** Set when the runner stopped on an error: the read models are stale and /health says so. */
  get error(): Error | null {
    return this.failure;
  }

  /** Resolves once every projection has applied the event at `position`: read-your-writes. */
  waitFor(position: Position | null): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (position === null || position <= this.processed) return Promise.resolve();
    return new Promise((resolve, reject) => this.waiters.push({ position, resolve, reject }));
  }

  /** Called after each commit to the read database with the events it applied. */
  onCommitted(listener: CommittedListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private prepare(): void {
    this.db.exec(`CREATE TABLE IF NOT EXISTS projection_checkpoints (
      name TEXT PRIMARY KEY, version INTEGER NOT NULL, position INTEGER NOT NULL)`);
    const rows = this.db.prepare('SELECT name, version, position FROM projection_checkpoints').all() as {
      name: string;
      version: number;
      position: number;
    }[];
    const saved = new Map(rows.map((row) => [row.name, row]));
    this.db.transaction(() => {
      for (const projection of this.projections) {
        const checkpoint = saved.get(projection.name);
        if (checkpoint && checkpoint.version === projection.version) continue;
        if (checkpoint)
          this.logger.log(
            `Rebuilding projection ${projection.name}: version ${checkpoint.version} -> ${projection.version}`,
          );
        for (const table of projection.tables) this.db.exec(`DROP TABLE IF EXISTS ${table}`);
        projection.setup(this.db);
        this.db
          .prepare('INSERT OR REPLACE INTO projection_checkpoints (name, version, position) VALUES (?, ?, 0)')
          .run(projection.name, projection.version);
      }
    })();
    this.processed =
      this.projections.length === 0 ? 0 : Math.min(...this.projections.map((p) => this.checkpointOf(p.name)));
  }

  private checkpointOf(name: string): Position {
    const row = this.db.prepare('SELECT position FROM projection_checkpoints WHERE name = ?').get(name) as
      { position: number } | undefined;
    return row?.position ?? 0;
  }

  private async catchUp(): Promise<void> {
    for (;;) {
      const page = await this.store.readAll({ from: this.processed, limit: CATCH_UP_PAGE });
      if (page.length === 0) return;
      this.applyBatch(page);
    }
  }

  private async follow(): Promise<void> {
    try {
      // Live events are applied one by one: a mutation waiting on its position should not wait for a batch to fill.
      for await (const event of this.store.subscribeAll({ from: this.processed, signal: this.abort.signal })) {
        this.applyBatch([event]);
      }
    } catch (error) {
      if (this.abort.signal.aborted) return;
      this.failure = error instanceof Error ? error : new Error(String(error));
      this.logger.error('The projection runner stopped; read models are no longer updated', error);
      for (const waiter of this.waiters.splice(0)) waiter.reject(this.failure);
    }
  }

  private applyBatch(stored: readonly StoredEvent[]): void {
    const events = stored.map(upcast);
    const save = this.db.prepare('UPDATE projection_checkpoints SET position = ? WHERE name = ?');
    const last = events[events.length - 1].position;
    // Immediate: checkpoints are read under the write lock, so another process's runner on the
    // same file (the CLI beside the service) can never apply the same event twice.
    this.db
      .transaction(() => {
        for (const projection of this.projections) {
          const from = this.checkpointOf(projection.name);
          if (from >= last) continue;
          for (const event of events) {
            if (event.position > from) projection.apply(this.db, event);
          }
          save.run(last, projection.name);
        }
      })
      .immediate();
    this.processed = events[events.length - 1].position;
    this.release();
    for (const listener of this.listeners) {
      try {
        listener(events);
      } catch (error) {
        this.logger.error('A listener of committed events failed', error);
      }
    }
  }

  private release(): void {
    const ready = this.waiters.filter((waiter) => waiter.position <= this.processed);
    this.waiters = this.waiters.filter((waiter) => waiter.position > this.processed);
    for (const waiter of ready) waiter.resolve();
  }
}
