import Database from 'better-sqlite3';

/**
 * The read models' own SQLite file, separate from the events: it can be deleted and rebuilt
 * from history at any time. `:memory:` serves "as at" views and tests. Tables carry no foreign
 * keys: projections are the only writers, and a rebuild must be free to drop tables in any order.
 *
 * Its commits do not wait for the disk (WAL at `synchronous = NORMAL`, which SQLite's WAL default
 * already was; said here so it stays so): every row is derived from the durable log, and a commit
 * lost to a power cut takes its checkpoint with it, so the runner applies those events again.
 */
export function openReadDatabase(file: string): Database.Database {
  const db = new Database(file);
  if (file !== ':memory:') {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
  }
  return db;
}
