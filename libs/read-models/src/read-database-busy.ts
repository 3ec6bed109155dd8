import Database from 'better-sqlite3';

/**
 * The read database stayed locked for longer than SQLite waits for it (the connection's busy
 * timeout): another process on the same file holds its write lock. The runner applies events in
 * one transaction per stretch of the log, so while the service or a command of the CLI catches up
 * (at start-up, or rebuilding after a redaction or a projection's new version) it may hold the
 * lock for far longer than the wait.
 */
export class ReadDatabaseBusyError extends Error {
  constructor(
    readonly file: string,
    waitedMs: number,
    cause: unknown,
  ) {
    super(
      `The read database ${file} stayed locked for ${waitedMs / 1000} s: another process on the same file is ` +
        'writing to it, such as the service applying a long stretch of the event log in one transaction (as it ' +
        "catches up at start-up, or rebuilds after a redaction or a projection's new version), or a command of " +
        'the command-line tool doing the same. What this process was about to write to it is not written.',
      { cause },
    );
    this.name = 'ReadDatabaseBusyError';
  }
}

/**
 * `work`, which writes to `db`, with SQLite's busy answer (another connection kept the write lock
 * past the busy timeout) told as a ReadDatabaseBusyError naming the file. With `waitMs`, SQLite
 * waits that long for the lock instead of the connection's own busy timeout, which is set back after.
 */
export function takingWriteLock<T>(db: Database.Database, work: () => T, waitMs?: number): T {
  const busyTimeout = () => db.pragma('busy_timeout', { simple: true }) as number;
  const own = waitMs === undefined ? null : busyTimeout();
  if (own !== null) db.pragma(`busy_timeout = ${waitMs}`);
  try {
    return work();
  } catch (error) {
    if (!isBusy(error)) throw error;
    throw new ReadDatabaseBusyError(db.name, busyTimeout(), error);
  } finally {
    if (own !== null) db.pragma(`busy_timeout = ${own}`);
  }
}

/**
 * By its code, not its class: better-sqlite3's native part throws the SqliteError class of the first
 * copy of the module loaded in the process, and Jest loads a copy per test file.
 */
function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}
