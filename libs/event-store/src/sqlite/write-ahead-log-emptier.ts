import Database from 'better-sqlite3';

/** How long after a failed try the log is tried again, besides after each later commit, unless given. */
const RETRY_MS = 10_000;

export interface WriteAheadLogEmptierOptions {
  /** Whose files, in the messages: "the event store's", "the read database's". */
  readonly owner: string;
  readonly retryMs?: number;
  /** Where it says that a redacted text is still in the log, and when it is gone. */
  readonly logger: { log(message: string): void; warn(message: string): void };
}

/**
 * Checkpoints and empties a connection's write-ahead log once a commit has deleted a redacted
 * text, so the text's bytes leave the files. While another connection reads an older snapshot or
 * writes (the CLI beside the service), SQLite cannot: it answers busy after busy_timeout, which
 * would stall every request on the event loop, so this checkpoint does not wait. The redaction
 * stands either way (it is committed and no read returns the text), so whoever committed it goes
 * on; the log is tried again after each later commit and `retryMs` after each failed try, with one
 * warning for the run of failures, until it empties or `stop` is called.
 */
export class WriteAheadLogEmptier {
  /** A redaction's text may be in the log: set until a TRUNCATE checkpoint succeeds. */
  private holdsRedacted = false;
  private retry: NodeJS.Timeout | null = null;
  private readonly retryMs: number;

  constructor(
    private readonly db: Database.Database,
    private readonly options: WriteAheadLogEmptierOptions,
  ) {
    this.retryMs = options.retryMs ?? RETRY_MS;
  }

  /** After each commit; `redacted` when that commit deleted a text that was redacted. */
  afterCommit(redacted = false): void {
    if (redacted) this.holdsRedacted = true;
    if (this.holdsRedacted) this.empty();
  }

  /** No further try: the connection is closing. */
  stop(): void {
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
  }

  private empty(): void {
    const { owner, logger } = this.options;
    let problem: string | null;
    const busyTimeout = this.db.pragma('busy_timeout', { simple: true }) as number;
    this.db.pragma('busy_timeout = 0');
    try {
      const [{ busy }] = this.db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
      problem = busy === 0 ? null : 'another connection is reading or writing the database';
    } catch (error) {
      problem = error instanceof Error ? error.message : String(error);
    } finally {
      this.db.pragma(`busy_timeout = ${busyTimeout}`);
    }
    const retried = this.retry !== null;
    this.stop();
    if (problem === null) {
      if (retried) logger.log(`The write-ahead log is emptied: redacted text has left ${owner} files.`);
      this.holdsRedacted = false;
      return;
    }
    // Once per run of failures: a long export beside the service would otherwise warn at every commit.
    if (!retried)
      logger.warn(
        `Redacted text is still in ${owner} write-ahead log, which could not be emptied (${problem}); ` +
          `trying again after each commit and every ${this.retryMs} ms until it can.`,
      );
    this.retry = setTimeout(() => this.empty(), this.retryMs).unref();
  }
}
