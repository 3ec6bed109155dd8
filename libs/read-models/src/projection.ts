import Database from 'better-sqlite3';
import { StoredEvent } from '@app/event-store';

/**
 * A read model: tables in the read database and how each event changes them. Bump `version`
 * whenever `setup` or `apply` changes meaning; the runner then rebuilds it from history.
 */
export interface Projection {
  readonly name: string;
  readonly version: number;
  /** Tables this projection owns; dropped before a rebuild. */
  readonly tables: readonly string[];
  setup(db: Database.Database): void;
  /**
   * CREATE INDEX IF NOT EXISTS statements for indexes that only queries use, never an `apply`:
   * the runner creates them once a catch-up is done, so a rebuild loads rows without keeping
   * these indexes in order row by row, then sorts each once.
   */
  readonly deferredIndexes?: readonly string[];
  /**
   * Prefixes of the ids of the streams whose events change this projection's rows; absent for
   * every stream. The runner hands it no other event.
   */
  readonly streams?: readonly string[];
  apply(db: Database.Database, event: StoredEvent): void;
}

/** Whether the projection reads events of this stream (see `Projection.streams`). */
export function readsStream(projection: Projection, streamId: string): boolean {
  return !projection.streams || projection.streams.some((prefix) => streamId.startsWith(prefix));
}

/**
 * The default of a projection's switch over its own stream's events: a new event type the
 * projection does not handle becomes a compile error here rather than a silently stale read model.
 */
export function unhandled(event: never): void {
  throw new Error(`No projection case for event ${(event as { type: string }).type}.`);
}

/**
 * Prepares a projection's statements once per read database instead of once per event. SQLite
 * re-prepares them by itself if the tables are dropped and recreated for a rebuild.
 */
export function statementsPerDatabase<Statements>(
  prepare: (db: Database.Database) => Statements,
): (db: Database.Database) => Statements {
  const cache = new WeakMap<Database.Database, Statements>();
  return (db) => {
    let statements = cache.get(db);
    if (!statements) {
      statements = prepare(db);
      cache.set(db, statements);
    }
    return statements;
  };
}
