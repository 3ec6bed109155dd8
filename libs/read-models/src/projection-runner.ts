import Database from 'better-sqlite3';
import { setTimeout as delay } from 'node:timers/promises';
import { FIELD_REDACTED, REDACTIONS_STREAM } from '@app/domain';
import { EventStore, Position, StoredEvent, upcast, WriteAheadLogEmptier } from '@app/event-store';
import { availableBatches } from './available-batches';
import { Projection, readsStream } from './projection';
import { ReadDatabaseBusyError, takingWriteLock } from './read-database-busy';

export interface RunnerLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

export interface ProjectionRunnerOptions {
  /**
   * How long after a redaction's rebuild whose write-ahead log could not be emptied (a reader held
   * read.db) the runner tries again, besides after each later commit; 10 s unless given.
   */
  readonly emptyLogRetryMs?: number;
  /**
   * When given, live events wait for read.db while another process holds its write lock (a command
   * of the CLI catching up beside the service), trying the batch again every `lockRetryMs`; when not,
   * the runner stops on it. The service waits: a lock held for seconds must not take it down until
   * a restart. A command of the CLI stops instead, and says what holds the file.
   */
  readonly lockRetryMs?: number;
}

type CommittedListener = (events: readonly StoredEvent[]) => void;

interface CheckpointStatements {
  readonly read: Database.Statement<[string], { position: Position }>;
  readonly save: Database.Statement<[Position, string]>;
  readonly recordApplied: Database.Statement<[AppliedEvent]>;
}

/** How far along the log a projection has applied it. */
interface Checkpoint {
  readonly name: string;
  readonly position: Position;
}

/** Which event the read database applied last, as the log named it. */
interface AppliedEvent {
  readonly position: Position;
  readonly streamId: string;
  readonly revision: number;
  readonly eventId: string;
  /** The hash-chain hash of its metadata; null for an event written without one. */
  readonly hash: string | null;
}

/**
 * The runner's one-row record of the last event it applied, beside the checkpoints: a position
 * alone cannot tell the log it was read from from another as long. Not a projection's table, so no
 * rebuild drops it; a read database from before it was kept simply lacks it.
 */
export const LAST_APPLIED_TABLE = 'last_applied_event';

/**
 * Only ever forward: another process's runner on the same file (the CLI beside the service) may
 * have recorded a later event than the batch a slower one commits.
 */
const RECORD_APPLIED = `INSERT INTO ${LAST_APPLIED_TABLE} (id, position, stream_id, revision, event_id, hash)
  VALUES (1, @position, @streamId, @revision, @eventId, @hash)
  ON CONFLICT (id) DO UPDATE SET position = excluded.position, stream_id = excluded.stream_id,
    revision = excluded.revision, event_id = excluded.event_id, hash = excluded.hash
  WHERE excluded.position > position`;

/**
 * Events read from the store at once while catching up: so few that a page is garbage before the
 * next is read. Pages of 10,000 outlived the young generation: collecting them took nearly half of
 * a catch-up that applied nothing, and 130 MB more memory at 50,000 events.
 */
const READ_PAGE = 500;

/**
 * Events per read-database transaction while catching up, over several pages read. Projections key
 * their rows by random ids, so each commit rewrites pages all over the indexes (into the WAL, then
 * again at checkpoint): a 50,000-event rebuild wrote ~730 MB at 1,000 events a commit, ~260 MB at
 * 10,000; a 100,000-event one 635 MB at 10,000 and 426 MB at 50,000, its commits taking half the time.
 * The service catches up before it serves, so no subscription's listener makes the runner hold a
 * transaction's events (about 80 MB of heap at this size).
 */
const CATCH_UP_PAGE = 50000;

/**
 * How long a live write of a runner that waits for the lock lets SQLite wait for it, in ms, before
 * it waits on a timer instead. SQLite's wait (the connection's busy timeout, 5 s) sleeps the thread,
 * freezing every request of the service meanwhile. Only the runner's own writes are given this
 * shorter wait, the connection's being set back after: reads in WAL mode never wait for a writer.
 * It still covers another runner's live commit (milliseconds) without a timer's delay.
 */
const LIVE_LOCK_WAIT_MS = 100;

/**
 * The read database's page cache while a projection loads from nothing, in KiB (SQLite's default
 * is 2 MiB). Each event writes about ten rows keyed by random ids all over the tables; with the
 * default many of them land on a page read back from the file, and a transaction's changed pages
 * spill to the write-ahead log before its commit. 32 MiB took a 50,000-event rebuild from 110,605
 * page reads and 125,085 writes to 78,106 and 102,717 (64 MiB did little better, 51,509 and
 * 95,029); the previous size is set back after the catch-up.
 */
export const CATCH_UP_CACHE_KIB = 32 * 1024;

/**
 * Keeps the read database up to date with the store. Each projection has its own checkpoint,
 * written in the same transaction as the rows an event changes, so an event is applied exactly
 * once even across crashes. A projection whose version changed is rebuilt from the start.
 *
 * A redaction (FieldRedacted) deletes text that rows may have copied, in any projection and any
 * form (a feed item's title is built from a communication's). So every projection is rebuilt from
 * history, which now reads "[redacted]" there, in one transaction with secure_delete on, so the
 * dropped pages are zeroed and no reader sees a half-built model; then the write-ahead log is
 * emptied, as the event store's is, without waiting for a reader that holds it (WriteAheadLogEmptier).
 */
export class ProjectionRunner {
  private processed: Position = 0;
  private waiters: { position: Position; resolve: () => void; reject: (error: unknown) => void }[] = [];
  private listeners = new Set<CommittedListener>();
  private abort = new AbortController();
  private running: Promise<void> | null = null;
  private failure: Error | null = null;
  /** Every redaction at or before this position is already reflected in the rows. */
  private reflected: Position = 0;
  /**
   * Made once, on first use (the checkpoint table exists by then), not per event: preparing a
   * statement costs several times running it, and the live path runs a transaction for every few events.
   * The runner's own tables are never dropped, so the statements stay valid across rebuilds.
   */
  private checkpointStatements: CheckpointStatements | null = null;
  private applyTransaction: Database.Transaction<(events: readonly StoredEvent[], last: StoredEvent) => void> | null =
    null;
  private readonly logEmptier: WriteAheadLogEmptier;
  /** How long between tries of a live batch on read.db locked by another process; null: stop on it. */
  private readonly lockRetryMs: number | null;

  constructor(
    private readonly store: EventStore,
    private readonly db: Database.Database,
    private readonly projections: readonly Projection[],
    private readonly logger: RunnerLogger,
    options: ProjectionRunnerOptions = {},
  ) {
    this.logEmptier = new WriteAheadLogEmptier(db, {
      owner: "the read database's",
      retryMs: options.emptyLogRetryMs,
      logger,
    });
    this.lockRetryMs = options.lockRetryMs ?? null;
  }

  /** Prepares every projection and catches up with the whole log before returning. */
  async start(): Promise<void> {
    // Checkpoints before the log's end: another process's runner on the same file (the CLI beside
    // the service) may apply events between the two reads, and the log only grows, so an end read
    // after the checkpoints is never passed by them unless the log was cut back.
    const furthest = this.furthestCheckpoint();
    const logEnd = (await this.store.lastPosition()) ?? 0;
    this.failure = this.beyondTheLog(furthest, logEnd) ?? (await this.anotherLog());
    if (this.failure) {
      this.logger.error('The projection runner did not start', this.failure);
      return;
    }
    const rebuilding = this.prepare();
    // Rows built from nothing read history as it is now, redactions included.
    if (this.processed === 0) this.reflected = logEnd;
    await this.catchingUp(rebuilding, () => this.catchUp());
    this.running = this.follow();
  }

  /**
   * Prepares every projection and applies the log up to and including `position`, and no further:
   * a rebuild to compare with a read database that stood at that position. Callable again to go on.
   */
  async catchUpTo(position: Position, progress?: (reached: Position) => void): Promise<void> {
    await this.catchingUp(this.prepare(), () => this.catchUp(position, progress));
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await this.running;
    this.logEmptier.stop();
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

  /**
   * Sets up every projection new or of another version; true when any was (it starts from nothing).
   * A read.db another process keeps locked past the wait is a ReadDatabaseBusyError naming it.
   */
  private prepare(): boolean {
    return takingWriteLock(this.db, () => this.setUpProjections());
  }

  private setUpProjections(): boolean {
    this.db.exec(`CREATE TABLE IF NOT EXISTS projection_checkpoints (
      name TEXT PRIMARY KEY, version INTEGER NOT NULL, position INTEGER NOT NULL)`);
    this.db.exec(`CREATE TABLE IF NOT EXISTS ${LAST_APPLIED_TABLE} (
      id INTEGER PRIMARY KEY CHECK (id = 1), position INTEGER NOT NULL, stream_id TEXT NOT NULL,
      revision INTEGER NOT NULL, event_id TEXT NOT NULL, hash TEXT)`);
    const rows = this.db.prepare('SELECT name, version, position FROM projection_checkpoints').all() as {
      name: string;
      version: number;
      position: number;
    }[];
    const saved = new Map(rows.map((row) => [row.name, row]));
    let rebuilding = false;
    this.db.transaction(() => {
      for (const projection of this.projections) {
        const checkpoint = saved.get(projection.name);
        if (checkpoint && checkpoint.version === projection.version) continue;
        rebuilding = true;
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
    return rebuilding;
  }

  /**
   * What is wrong when the furthest checkpoint is beyond the end of the log, or null. Its rows then
   * hold events the log no longer has: the log was cut back (tampering, which the heads kept in the
   * read database find), or restored from a backup older than the read database. Nothing is changed:
   * rebuilding would erase that evidence, and following would skip the new events that reuse those
   * positions. The runner stops on it, /health says so, and the operator decides.
   */
  private beyondTheLog(ahead: Checkpoint | null, logEnd: Position): Error | null {
    if (!ahead || ahead.position <= logEnd) return null;
    return new Error(
      `The read models are ahead of the event log: projection ${ahead.name} has applied up to position ` +
        `${ahead.position} but the log ends at ${logEnd}. Events were removed from the log, or it was restored ` +
        'from a backup older than the read database. Nothing was changed and the read models are not updated. ' +
        'If the log was restored on purpose, stop the service, delete read.db and start it again; otherwise ' +
        'check the log against the signed tree heads you keep (cli verify --witness).',
    );
  }

  /**
   * What is wrong when the log does not hold, where it held it, the last event the read database
   * applied, or null. Then it is another log, at least as long as the one the rows were built from
   * (another backup restored, another database's events copied in, the log rewritten and extended):
   * the rows hold events this log does not have, and following would apply its later events over
   * them. Stopped on as beyondTheLog is. The event is read by its stream and revision, which every
   * store reads exactly (a position names no event on them all), then its position, id and hash
   * compared. A read database from before the record was kept has nothing to compare; it is not
   * recorded from the log now, which is the thing unchecked, but from the next events applied.
   */
  private async anotherLog(): Promise<Error | null> {
    if (!this.hasTable(LAST_APPLIED_TABLE)) return null;
    const applied = this.db
      .prepare(`SELECT position, stream_id AS streamId, revision, event_id AS eventId, hash FROM ${LAST_APPLIED_TABLE}`)
      .get() as AppliedEvent | undefined;
    if (!applied) return null;
    const [found] = await this.store.readStream(applied.streamId, { fromRevision: applied.revision, limit: 1 });
    const difference = differenceFrom(applied, found);
    if (!difference) return null;
    return new Error(
      `The read models were built from another event log: the last event they applied is ${applied.eventId}, ` +
        `revision ${applied.revision} of stream ${applied.streamId} at position ${applied.position}, but ${difference}. ` +
        'The log was replaced: another backup restored, another database copied in, or the log rewritten. ' +
        'Nothing was changed and the read models are not updated. If the log was replaced on purpose, stop the ' +
        'service, delete read.db and start it again; otherwise check the log against the signed tree heads you ' +
        'keep (cli verify --witness).',
    );
  }

  /** The checkpoint furthest along the log, or null before the runner's first start on this file. */
  private furthestCheckpoint(): Checkpoint | null {
    if (!this.hasTable('projection_checkpoints')) return null;
    const furthest = this.db
      .prepare('SELECT name, position FROM projection_checkpoints ORDER BY position DESC LIMIT 1')
      .get() as Checkpoint | undefined;
    return furthest ?? null;
  }

  private hasTable(name: string): boolean {
    return this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
  }

  /**
   * Runs a catch-up, then creates the deferred indexes (a no-op once they exist, so a catch-up
   * cut short before them still gets them next time). While a projection loads from nothing and its
   * indexes are sorted, the page cache is larger (CATCH_UP_CACHE_KIB) and commits need not reach the
   * disk: a process that dies keeps every commit it made, and only a machine failing mid-rebuild can
   * spoil the file, which is then deleted and built again. A checkpoint made with the old settings
   * back carries every write to the disk before the runner follows live events.
   */
  private async catchingUp(rebuilding: boolean, catchUp: () => Promise<void>): Promise<void> {
    if (!rebuilding) {
      await catchUp();
      this.createDeferredIndexes(this.db);
      return;
    }
    const synchronous = this.db.pragma('synchronous', { simple: true }) as number;
    const cacheSize = this.db.pragma('cache_size', { simple: true }) as number;
    this.db.pragma('synchronous = OFF');
    this.db.pragma(`cache_size = -${CATCH_UP_CACHE_KIB}`);
    try {
      await catchUp();
      this.createDeferredIndexes(this.db);
    } finally {
      this.db.pragma(`synchronous = ${synchronous}`);
      this.db.pragma(`cache_size = ${cacheSize}`);
    }
    this.db.pragma('wal_checkpoint(PASSIVE)');
  }

  /** Every projection's deferred indexes in `db`, at once; within a transaction already open, in a savepoint of it. */
  private createDeferredIndexes(db: Database.Database): void {
    takingWriteLock(db, () =>
      db.transaction(() => {
        for (const projection of this.projections) {
          for (const statement of projection.deferredIndexes ?? []) db.exec(statement);
        }
      })(),
    );
  }

  private checkpointOf(name: string): Position {
    return this.statements().read.get(name)?.position ?? 0;
  }

  private statements(): CheckpointStatements {
    this.checkpointStatements ??= {
      read: this.db.prepare('SELECT position FROM projection_checkpoints WHERE name = ?'),
      save: this.db.prepare('UPDATE projection_checkpoints SET position = ? WHERE name = ?'),
      recordApplied: this.db.prepare(RECORD_APPLIED),
    };
    return this.checkpointStatements;
  }

  /**
   * Applies the log up to `until`, in transactions of CATCH_UP_PAGE events over pages of READ_PAGE.
   * Without a bound, a redaction not yet reflected is handled as `apply` does; with one (a replay to
   * compare with a read database at that position) the log is applied as it reads.
   */
  private async catchUp(until?: Position, progress?: (reached: Position) => void): Promise<void> {
    const reflecting = until === undefined;
    let page: StoredEvent[] | null = null;
    for (;;) {
      page ??= await this.readPage(this.processed, until);
      if (page.length === 0) return;
      if (reflecting && this.holdsRedaction(page)) {
        await this.apply(page);
        page = null;
      } else {
        page = await this.applyPages(page, until, reflecting);
      }
      progress?.(this.processed);
    }
  }

  /** Up to READ_PAGE events after `from`, none after `until`. */
  private async readPage(from: Position, until?: Position): Promise<StoredEvent[]> {
    const page = await this.store.readAll({ from, limit: READ_PAGE });
    return until === undefined ? page : page.filter((event) => event.position <= until);
  }

  private holdsRedaction(page: readonly StoredEvent[]): boolean {
    return page.some((event) => event.position > this.reflected && isRedaction(event));
  }

  /**
   * Applies `first` and the pages that follow it in one write transaction, until it holds
   * CATCH_UP_PAGE events, the log ends, or (when `reflecting`) a page holds a redaction. Returns the
   * page read and not applied, or null when it stopped for the transaction's size. The transaction
   * spans reads from the store, so it is begun and ended by hand; nothing else writes through this
   * connection while the runner catches up, and the immediate lock keeps other processes' runners out.
   */
  private async applyPages(
    first: StoredEvent[],
    until: Position | undefined,
    reflecting: boolean,
  ): Promise<StoredEvent[] | null> {
    // Listeners hear of the events after the commit; kept only when someone listens, as they hold every page.
    const heard: StoredEvent[] = [];
    let page = first;
    let next: StoredEvent[] | null = null;
    let applied = 0;
    let last: StoredEvent;
    takingWriteLock(this.db, () => this.db.exec('BEGIN IMMEDIATE'));
    try {
      const from = this.checkpoints();
      for (;;) {
        const events = page.map(upcast);
        this.applyEvents(events, from);
        last = events[events.length - 1];
        applied += events.length;
        if (this.listeners.size > 0) heard.push(...events);
        if (applied >= CATCH_UP_PAGE) break;
        page = await this.readPage(last.position, until);
        if (page.length === 0 || (reflecting && this.holdsRedaction(page))) {
          next = page;
          break;
        }
      }
      this.saveCheckpoints(from, last);
      this.db.exec('COMMIT');
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
    this.committed(last.position, heard);
    return next;
  }

  private async follow(): Promise<void> {
    try {
      // Live events that arrive together (one group commit's appends) share one read-database
      // transaction; none waits for a batch to fill, so a mutation waiting on its position never does.
      const live = this.store.subscribeAll({ from: this.processed, signal: this.abort.signal });
      for await (const batch of availableBatches(live, READ_PAGE)) await this.applyLive(batch);
    } catch (error) {
      if (this.abort.signal.aborted) return;
      this.failure = error instanceof Error ? error : new Error(String(error));
      this.logger.error('The projection runner stopped; read models are no longer updated', error);
      for (const waiter of this.waiters.splice(0)) waiter.reject(this.failure);
    }
  }

  /**
   * Applies a live batch's events not applied yet. When read.db is locked by another process and
   * the runner waits for it, tries again on a timer (stop() ends the wait), with one warning for the
   * wait and one line when it goes on. Each try reads the checkpoints under the write lock, so the
   * events the other process's runner applied meanwhile are not applied again.
   */
  private async applyLive(batch: readonly StoredEvent[]): Promise<void> {
    const waitMs = this.lockRetryMs === null ? undefined : LIVE_LOCK_WAIT_MS;
    let waited: ReadDatabaseBusyError | null = null;
    for (;;) {
      // Again at each try: one that applied the events before a redaction, then found the file
      // locked for the rebuild, leaves only the rest.
      const fresh = batch.filter((event) => event.position > this.processed);
      try {
        if (fresh.length > 0) await this.apply(fresh, waitMs);
        break;
      } catch (error) {
        if (!(error instanceof ReadDatabaseBusyError) || this.lockRetryMs === null) throw error;
        if (!waited)
          this.logger.warn(
            `The read database ${error.file} is locked by another process writing to it (such as a command of ` +
              'the command-line tool catching up): the read models wait for it and are not updated meanwhile, ' +
              `trying again every ${this.lockRetryMs} ms.`,
          );
        waited = error;
        await delay(this.lockRetryMs, undefined, { signal: this.abort.signal, ref: false });
      }
    }
    if (waited)
      this.logger.log(
        `The read database ${waited.file} is free again: the read models go on from position ${this.processed}.`,
      );
  }

  /**
   * Applies the events, or up to a redaction not yet reflected and then rebuilds; with `waitMs`,
   * SQLite waits that long for the write lock rather than the connection's busy timeout.
   */
  private async apply(stored: readonly StoredEvent[], waitMs?: number): Promise<void> {
    const redaction = stored.findIndex((event) => event.position > this.reflected && isRedaction(event));
    if (redaction === -1) return this.applyBatch(stored, waitMs);
    if (redaction > 0) this.applyBatch(stored.slice(0, redaction), waitMs);
    await this.rebuild(waitMs);
  }

  /**
   * Every projection from the start, up to the newest event now: the events it read are all covered.
   * A file's rebuild is written through a connection of its own, a page at a time as the log is
   * read, so the history is never held whole (100,000 events are about 165 MB of heap) and this
   * connection's readers see the old rows until it commits. An in-memory database (as-at views,
   * tests: short histories) has no second connection: its history is read whole, then applied in
   * one synchronous transaction, so no reader sees it half built either.
   */
  private async rebuild(waitMs?: number): Promise<void> {
    const upTo = (await this.store.lastPosition()) ?? 0;
    this.logger.log(`Rebuilding every projection after a redaction, up to position ${upTo}`);
    const before = this.processed;
    const unheard: StoredEvent[] = [];
    let last: StoredEvent | null = null;
    const applyPage = (db: Database.Database, events: readonly StoredEvent[]) => {
      last = events.at(-1) ?? last;
      for (const projection of this.projections) {
        for (const event of events) if (readsStream(projection, event.streamId)) projection.apply(db, event);
      }
      // Kept for listeners only: with nobody listening, a rebuild holds no more than a page.
      if (this.listeners.size > 0) for (const event of events) if (event.position > before) unheard.push(event);
    };
    if (this.db.memory) {
      const history: StoredEvent[] = [];
      for await (const page of this.historyPages(upTo)) history.push(...page);
      this.db.pragma('secure_delete = ON');
      try {
        this.db
          .transaction(() => {
            this.resetProjections(this.db);
            applyPage(this.db, history);
            this.finishRebuild(this.db, upTo, last);
          })
          .immediate();
      } finally {
        this.db.pragma('secure_delete = OFF');
      }
    } else {
      const writer = new Database(this.db.name);
      try {
        writer.pragma('secure_delete = ON');
        takingWriteLock(writer, () => writer.exec('BEGIN IMMEDIATE'), waitMs);
        try {
          this.resetProjections(writer);
          for await (const page of this.historyPages(upTo)) applyPage(writer, page);
          this.finishRebuild(writer, upTo, last);
          writer.exec('COMMIT');
        } catch (error) {
          if (writer.inTransaction) writer.exec('ROLLBACK');
          throw error;
        }
      } finally {
        writer.close();
      }
    }
    this.reflected = upTo;
    // The dropped rows' old pages may still be in the write-ahead log until it is emptied.
    this.committed(upTo, unheard, true);
  }

  /** The log up to `upTo`, upcast, READ_PAGE events at a time. */
  private async *historyPages(upTo: Position): AsyncGenerator<StoredEvent[]> {
    for (let from = 0; from < upTo;) {
      const page = await this.readPage(from, upTo);
      if (page.length === 0) return;
      yield page.map(upcast);
      from = page[page.length - 1].position;
    }
  }

  private resetProjections(db: Database.Database): void {
    for (const projection of this.projections) {
      for (const table of projection.tables) db.exec(`DROP TABLE IF EXISTS ${table}`);
      projection.setup(db);
    }
  }

  private finishRebuild(db: Database.Database, upTo: Position, last: StoredEvent | null): void {
    this.createDeferredIndexes(db);
    const save = db.prepare('UPDATE projection_checkpoints SET position = ? WHERE name = ?');
    for (const projection of this.projections) save.run(upTo, projection.name);
    if (last) db.prepare(RECORD_APPLIED).run(appliedEventOf(last));
  }

  private applyBatch(stored: readonly StoredEvent[], waitMs?: number): void {
    const events = stored.map(upcast);
    const last = events[events.length - 1];
    const applying = (this.applyTransaction ??= this.db.transaction(
      (batch: readonly StoredEvent[], upTo: StoredEvent) => {
        const from = this.checkpoints();
        this.applyEvents(batch, from);
        this.saveCheckpoints(from, upTo);
      },
    ));
    // Immediate: checkpoints are read under the write lock, so another process's runner on the
    // same file (the CLI beside the service) can never apply the same event twice.
    takingWriteLock(this.db, () => applying.immediate(events, last), waitMs);
    this.committed(last.position, events);
  }

  /** Each projection's checkpoint; read inside the write transaction that goes on from them. */
  private checkpoints(): Map<string, Position> {
    return new Map(this.projections.map((projection) => [projection.name, this.checkpointOf(projection.name)]));
  }

  /** Gives each projection in turn the events after its checkpoint, of the streams it reads. */
  private applyEvents(events: readonly StoredEvent[], from: ReadonlyMap<string, Position>): void {
    for (const projection of this.projections) {
      const checkpoint = from.get(projection.name) ?? 0;
      for (const event of events) {
        if (event.position > checkpoint && readsStream(projection, event.streamId)) projection.apply(this.db, event);
      }
    }
  }

  /** Moves every checkpoint behind `last` to it, and records `last` as the event applied last. */
  private saveCheckpoints(from: ReadonlyMap<string, Position>, last: StoredEvent): void {
    const { save, recordApplied } = this.statements();
    for (const projection of this.projections) {
      if ((from.get(projection.name) ?? 0) < last.position) save.run(last.position, projection.name);
    }
    recordApplied.run(appliedEventOf(last));
  }

  /** After each commit; `redacted` after a rebuild for a redaction, which dropped rows holding its text. */
  private committed(position: Position, events: readonly StoredEvent[], redacted = false): void {
    this.logEmptier.afterCommit(redacted);
    this.processed = position;
    this.release();
    if (events.length === 0) return;
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

function appliedEventOf(event: StoredEvent): AppliedEvent {
  const { hash } = event.metadata;
  return {
    position: event.position,
    streamId: event.streamId,
    revision: event.revision,
    eventId: event.id,
    hash: typeof hash === 'string' ? hash : null,
  };
}

/** How the log's event at the applied one's stream and revision differs from it, or null. */
function differenceFrom(applied: AppliedEvent, found: StoredEvent | undefined): string | null {
  if (!found || found.revision !== applied.revision) return 'the log has no such revision of that stream';
  const now = appliedEventOf(found);
  if (now.eventId !== applied.eventId) return `the log has event ${now.eventId} in its place`;
  if (now.position !== applied.position) return `the log has it at position ${now.position}`;
  if (now.hash !== applied.hash) return 'the log has it with another hash: its content or chain was rewritten';
  return null;
}

function isRedaction(event: StoredEvent): boolean {
  return event.streamId === REDACTIONS_STREAM && event.type === FIELD_REDACTED;
}
