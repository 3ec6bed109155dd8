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
  apply(db: Database.Database, event: StoredEvent): void;
}
