import Database from 'better-sqlite3';
import { CATCH_UP_CACHE_KIB } from '@app/read-models';

/**
 * What writing a rebuilt read database's rows costs with no projection logic at all: every row of
 * every table in `readFile` copied into empty tables of the same schema in `intoFile`, one INSERT a
 * row in one transaction, with a catch-up's settings (no sync, its page cache) and without the
 * indexes only queries use, one table after another, which keeps each table's pages at hand and
 * so costs less than a rebuild writing all tables by turns. The copy reads each row back from
 * `readFile` as it goes (held whole, the rows would outgrow the benchmark's heap), so a pass that
 * only reads them is timed too and taken off. With the raw read it bounds the rebuild's ratio from
 * above: no projection code writing these rows can go faster.
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
    let start = performance.now();
    const rows = copyRows(source, tables, () => undefined);
    const reading = performance.now() - start;
    start = performance.now();
    target.exec('BEGIN');
    copyRows(source, tables, (name, columns) => {
      const insert = target.prepare(`INSERT INTO "${name}" VALUES (${Array(columns).fill('?').join(', ')})`);
      return (row) => insert.run(row);
    });
    target.exec('COMMIT');
    return { rows, seconds: Math.max(0, performance.now() - start - reading) / 1000 };
  } finally {
    target.close();
    source.close();
  }
}

/**
 * Reads every row of `tables` once and hands it to the writer `into` makes for its table (none, to
 * time the reading alone); how many rows there were.
 */
function copyRows(
  source: Database.Database,
  tables: readonly { name: string }[],
  into: (name: string, columns: number) => ((row: unknown[]) => unknown) | undefined,
): number {
  let rows = 0;
  for (const { name } of tables) {
    const select = source.prepare(`SELECT * FROM "${name}"`).raw();
    const write = into(name, select.columns().length);
    for (const row of select.iterate()) {
      write?.(row as unknown[]);
      rows += 1;
    }
  }
  return rows;
}
