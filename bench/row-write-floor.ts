import Database from 'better-sqlite3';
import { CATCH_UP_CACHE_KIB } from '@app/read-models';

/**
 * What writing a rebuilt read database's rows costs with no projection logic at all: every row of
 * every table in `readFile` copied into empty tables of the same schema in `intoFile`, one INSERT a
 * row in one transaction, with a catch-up's settings (no sync, its page cache) and without the
 * indexes only queries use, one table after another, which keeps each table's pages at hand and
 * so costs less than a rebuild writing all tables by turns. With the raw read it bounds the
 * rebuild's ratio from above: no projection code writing these rows can go faster.
 */
export function rowWriteFloor(readFile: string, intoFile: string): { rows: number; seconds: number } {
  const source = new Database(readFile, { readonly: true });
  const target = new Database(intoFile);
  try {
    target.pragma('journal_mode = WAL');
    target.pragma('synchronous = OFF');
    target.pragma(`cache_size = -${CATCH_UP_CACHE_KIB}`);
    const tables = source
      .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .all() as { name: string; sql: string }[];
    for (const { sql } of tables) target.exec(sql);
    let rows = 0;
    const start = performance.now();
    target.exec('BEGIN');
    for (const { name } of tables) {
      const columns = source.prepare(`SELECT * FROM ${name} LIMIT 0`).columns().length;
      const insert = target.prepare(`INSERT INTO ${name} VALUES (${Array(columns).fill('?').join(', ')})`);
      for (const row of source.prepare(`SELECT * FROM ${name}`).raw().iterate()) {
        insert.run(row);
        rows += 1;
      }
    }
    target.exec('COMMIT');
    return { rows, seconds: (performance.now() - start) / 1000 };
  } finally {
    target.close();
    source.close();
  }
}
