import Database from 'better-sqlite3';
import { InMemoryEventStore } from '@app/event-store';
import { randomUUID } from 'node:crypto';
import { Projection } from '../projection';
import { ProjectionRunner } from '../projection-runner';
import { openReadDatabase } from '../read-database';

/** A domain event as its builders make it: `{ type, data }`. */
export type DomainEvent = Readonly<{ type: string; data: unknown }>;

/** A domain event as recorded in one stream, with the metadata a projection may read. */
export type RecordedEvent = Readonly<{
  streamId: string;
  event: DomainEvent;
  metadata: Readonly<Record<string, unknown>>;
}>;

/**
 * When the platform records the events of a specification unless told otherwise. A fixed instant,
 * because projections that fall back to the store's wall-clock `recordedAt` would make rows differ per run.
 */
export const RECORDED_AT = '2020-03-12T10:05:00.000Z';

/** `events`, in order, appended to `streamId`; `metadata` (e.g. `occurredAt`, `actor`) is added to each. */
export function inStream(
  streamId: string,
  events: DomainEvent | readonly DomainEvent[],
  metadata: Readonly<Record<string, unknown>> = {},
): RecordedEvent[] {
  return (Array.isArray(events) ? events : [events]).map((event: DomainEvent) => ({
    streamId,
    event,
    metadata: { occurredAt: RECORDED_AT, ...metadata },
  }));
}

/** Rows expected in a table, each naming the columns that matter; `[]` means the table is empty. */
export type ExpectedTables = Readonly<Record<string, readonly Readonly<Record<string, unknown>>[]>>;

const silent = { log: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * given(events).when(events).then(rows): a projection specification over an in-memory read
 * database. The events go into an in-memory event store and reach the projection through the
 * production ProjectionRunner: `given` while it catches up at start-up, `when` live, after it
 * started; positions, checkpoints and transactions behave as they do in the service. `then`
 * compares each named table, in insertion order, on the columns its expected rows name.
 */
export function projectionSpec(projection: Projection) {
  return {
    given(...given: (RecordedEvent | readonly RecordedEvent[])[]) {
      return {
        when(...when: (RecordedEvent | readonly RecordedEvent[])[]) {
          return {
            then: (expected: ExpectedTables) => run(projection, given.flat(), when.flat(), expected),
          };
        },
      };
    },
  };
}

async function append(store: InMemoryEventStore, recorded: RecordedEvent) {
  return store.append(
    recorded.streamId,
    [{ id: randomUUID(), type: recorded.event.type, data: recorded.event.data, metadata: recorded.metadata }],
    { expectedRevision: 'any' },
  );
}

/**
 * An in-memory read database holding what `projection` made of `events`, with the store that
 * gave them out (for their ids and positions): given(events) for a specification of queries.
 */
export async function projectedDatabase(
  projection: Projection,
  ...events: (RecordedEvent | readonly RecordedEvent[])[]
): Promise<{ db: Database.Database; store: InMemoryEventStore }> {
  const store = new InMemoryEventStore();
  const db = openReadDatabase(':memory:');
  for (const recorded of events.flat()) await append(store, recorded);
  const runner = new ProjectionRunner(store, db, [projection], silent);
  await runner.start();
  await runner.stop();
  expect(runner.error).toBeNull();
  return { db, store };
}

async function run(
  projection: Projection,
  given: readonly RecordedEvent[],
  when: readonly RecordedEvent[],
  expected: ExpectedTables,
): Promise<void> {
  const store = new InMemoryEventStore();
  const db = openReadDatabase(':memory:');
  const runner = new ProjectionRunner(store, db, [projection], silent);
  try {
    for (const recorded of given) await append(store, recorded);
    await runner.start();
    let last: number | null = null;
    for (const recorded of when) last = (await append(store, recorded)).position;
    await runner.waitFor(last);
    expect(runner.error).toBeNull();
    for (const [table, rows] of Object.entries(expected)) {
      const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
      const actual =
        columns.length === 0
          ? db.prepare(`SELECT * FROM ${table}`).all()
          : db.prepare(`SELECT ${columns.join(', ')} FROM ${table} ORDER BY rowid`).all();
      expect({ [table]: actual }).toEqual({ [table]: rows });
    }
  } finally {
    await runner.stop();
    db.close();
  }
}
