import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventStore, Position } from '@app/event-store';
import { ALL_PROJECTIONS } from './all-projections';
import { Projection } from './projection';
import { LAST_APPLIED_TABLE, ProjectionRunner } from './projection-runner';
import { openReadDatabase } from './read-database';

/** One row that differs, by its primary key (or rowid, for a table without one). */
export interface DifferingRow {
  readonly key: Readonly<Record<string, unknown>>;
  readonly problem: 'differs' | 'only in read.db' | 'missing from read.db';
}

export interface TableDifference {
  readonly table: string;
  /** What is wrong with the table as a whole, when it cannot be compared row by row. */
  readonly problem: string | null;
  readonly rows: readonly DifferingRow[];
}

export interface ReplayReport {
  /** The position of the log both read databases stood at when compared. */
  readonly position: Position;
  readonly tables: number;
  readonly rows: number;
  readonly differences: readonly TableDifference[];
}

/**
 * The runner's own bookkeeping: its positions are compared separately, before any table; the last
 * event applied is missing from a read.db older than its record, which differs in nothing else.
 */
const CHECKPOINTS = 'projection_checkpoints';

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

interface Column {
  readonly name: string;
  readonly pk: number;
}

function columnsOf(db: Database.Database, schema: string, table: string): Column[] {
  return db.prepare(`SELECT name, pk FROM pragma_table_info(?, ?) ORDER BY cid`).all(table, schema) as Column[];
}

/** Where the live read database stands: one position, or a reason it cannot be compared. */
function livePosition(live: Database.Database, projections: readonly Projection[]): Position | string {
  const saved = live.prepare(`SELECT name, version, position FROM ${CHECKPOINTS}`).all() as {
    name: string;
    version: number;
    position: number;
  }[];
  const positions = new Set<number>();
  for (const projection of projections) {
    const checkpoint = saved.find((row) => row.name === projection.name);
    if (!checkpoint) return `the projection ${projection.name} has never run on read.db`;
    if (checkpoint.version !== projection.version) {
      return `read.db holds version ${checkpoint.version} of the projection ${projection.name}; this code builds version ${projection.version}`;
    }
    positions.add(checkpoint.position);
  }
  if (positions.size > 1)
    return `the projections of read.db stand at different positions (${[...positions].join(', ')})`;
  return positions.size === 0 ? 0 : [...positions][0];
}

/** The rows of `table` that differ between the live database (main) and the rebuild (fresh), by key. */
function compareTable(live: Database.Database, table: string): TableDifference | null {
  const fresh = columnsOf(live, 'fresh', table);
  const current = columnsOf(live, 'main', table);
  if (current.length === 0) return { table, problem: 'the table is missing from read.db', rows: [] };
  const names = (columns: Column[]) => columns.map((c) => c.name).join(', ');
  if (names(fresh) !== names(current)) {
    return { table, problem: `read.db has columns (${names(current)}), the rebuild (${names(fresh)})`, rows: [] };
  }
  const declared = fresh.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
  const keys = declared.length > 0 ? declared.map((c) => c.name) : ['rowid'];
  const selected = [...keys, ...fresh.map((c) => c.name).filter((name) => !keys.includes(name))].map(quote).join(', ');
  const keyList = keys.map(quote).join(', ');
  const only = (a: string, b: string) =>
    live
      .prepare(
        `SELECT ${keyList} FROM (SELECT ${selected} FROM ${a}.${quote(table)} EXCEPT SELECT ${selected} FROM ${b}.${quote(table)})`,
      )
      .raw()
      .all() as unknown[][];
  const keyOf = (values: unknown[]) => Object.fromEntries(keys.map((key, index) => [key, values[index]]));
  const inLive = new Map(only('main', 'fresh').map((values) => [JSON.stringify(values), values]));
  const inFresh = new Map(only('fresh', 'main').map((values) => [JSON.stringify(values), values]));
  const rows: DifferingRow[] = [];
  for (const [id, values] of inLive) {
    rows.push({ key: keyOf(values), problem: inFresh.has(id) ? 'differs' : 'only in read.db' });
  }
  for (const [id, values] of inFresh) {
    if (!inLive.has(id)) rows.push({ key: keyOf(values), problem: 'missing from read.db' });
  }
  return rows.length > 0 ? { table, problem: null, rows } : null;
}

/**
 * Replay (A5): rebuilds every projection from the log into a fresh database, to the position the
 * live read database stands at, and compares every table row by row. The live database is only
 * read; if the service moves it on meanwhile, the rebuild follows and the comparison is repeated.
 */
export async function checkReplay(
  store: EventStore,
  liveFile: string,
  progress: (line: string) => void,
  projections: readonly Projection[] = ALL_PROJECTIONS,
): Promise<ReplayReport> {
  const dir = mkdtempSync(join(tmpdir(), 'replay-'));
  const freshFile = join(dir, 'read.db');
  const fresh = openReadDatabase(freshFile);
  const live = new Database(liveFile, { fileMustExist: true });
  try {
    live.pragma('query_only = ON');
    live.prepare('ATTACH DATABASE ? AS fresh').run(freshFile);
    const runner = new ProjectionRunner(store, fresh, projections, { log: progress, warn: progress, error: progress });
    for (;;) {
      const position = livePosition(live, projections);
      if (typeof position === 'string') {
        return { position: 0, tables: 0, rows: 0, differences: [{ table: CHECKPOINTS, problem: position, rows: [] }] };
      }
      progress(`rebuilding every projection to position ${position}`);
      await runner.catchUpTo(position, (reached) => progress(`  rebuilt to position ${reached} of ${position}`));
      // One read transaction: the live tables are compared as they stood at `position`, or not at all.
      const report = live.transaction(() => {
        if (livePosition(live, projections) !== position) return null;
        const tables = live
          .prepare(
            `SELECT name FROM fresh.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN (?, ?) ORDER BY name`,
          )
          .pluck()
          .all(CHECKPOINTS, LAST_APPLIED_TABLE) as string[];
        const differences: TableDifference[] = [];
        let rows = 0;
        for (const table of tables) {
          const count = live
            .prepare(`SELECT COUNT(*) FROM fresh.${quote(table)}`)
            .pluck()
            .get() as number;
          rows += count;
          const difference = compareTable(live, table);
          progress(`  compared ${table}: ${count} rows${difference ? ', DIFFERENT' : ''}`);
          if (difference) differences.push(difference);
        }
        return { position, tables: tables.length, rows, differences };
      })();
      if (report) return report;
      progress('read.db moved on while comparing; following it');
    }
  } finally {
    live.close();
    fresh.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
