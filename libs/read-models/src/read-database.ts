import Database from 'better-sqlite3';

/**
 * The read models' own SQLite file, separate from the events: it can be deleted and rebuilt
 * from history at any time. `:memory:` serves "as at" views and tests. Tables carry no foreign
 * keys: projections are the only writers, and a rebuild must be free to drop tables in any order.
 */
export function openReadDatabase(file: string): Database.Database {
  const db = new Database(file);
  if (file !== ':memory:') db.pragma('journal_mode = WAL');
  return db;
}
