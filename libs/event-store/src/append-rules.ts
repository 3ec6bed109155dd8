import { DuplicateEventIdError, ExpectedRevision, NewEvent, WrongExpectedVersionError } from './event-store';

/**
 * `current` is the stream's last revision, or null when the stream does not exist. The in-memory
 * and SQLite stores call this under their own write lock. PostgreSQL makes the same check in SQL
 * inside its append function (postgres/postgres-append.ts) instead, because there the database
 * itself must refuse a stale append: several api processes share one database, and only a check
 * made under the database's append lock, in the same call as the insert, sees every one of them.
 * A change here belongs there too; the store contract suite runs the same cases against both.
 */
export function assertExpectedRevision(streamId: string, expected: ExpectedRevision, current: number | null): void {
  const ok =
    expected === 'any' ||
    (expected === 'no_stream' && current === null) ||
    (expected === 'stream_exists' && current !== null) ||
    (typeof expected === 'number' && current === expected);
  if (!ok) throw new WrongExpectedVersionError(streamId, expected, current);
}

export interface ExistingEvent {
  readonly id: string;
  readonly streamId: string;
  readonly revision: number;
  readonly position: number;
}

/**
 * An append whose event ids are all already recorded, in the same stream and order, is a retry
 * of an acknowledged append: it succeeds again without writing. Any other reuse of an id is an error.
 * Returns the last existing event when the append is such a retry, or null when it is new.
 */
export function detectRetriedAppend(
  streamId: string,
  events: readonly NewEvent[],
  existing: readonly (ExistingEvent | undefined)[],
): ExistingEvent | null {
  if (existing.every((found) => found === undefined)) return null;
  const first = existing[0];
  const isSameAppend =
    first !== undefined &&
    existing.every(
      (found, index) => found !== undefined && found.streamId === streamId && found.revision === first.revision + index,
    );
  if (!isSameAppend) {
    const reused = events.find((_, index) => existing[index] !== undefined);
    throw new DuplicateEventIdError(reused?.id ?? events[0].id);
  }
  return existing[existing.length - 1] as ExistingEvent;
}
