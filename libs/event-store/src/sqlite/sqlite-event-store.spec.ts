import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuplicateEventIdError, NewEvent, NO_STREAM, WrongExpectedVersionError } from '../event-store';
import { eventStoreContract } from '../testing/event-store-contract';
import { SqliteEventStore } from './sqlite-event-store';

eventStoreContract('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'events-'));
  const store = new SqliteEventStore(join(dir, 'events.db'));
  return {
    store,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

const event = (type = 'SomethingHappened'): NewEvent => ({
  id: randomUUID(),
  type,
  data: { n: 1 },
  metadata: { occurredAt: '2020-03-01T10:00:00.000Z', actor: { personId: 'p-1' } },
});

describe('sqlite store durability settings', () => {
  it('runs in WAL mode with synchronous=FULL', () => {
    const dir = mkdtempSync(join(tmpdir(), 'events-'));
    const store = new SqliteEventStore(join(dir, 'events.db'));
    const db = (store as unknown as { db: Database.Database }).db;
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    void store.close();
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('sqlite store group commit: appends made together', () => {
  let dir: string;
  let store: SqliteEventStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'events-'));
    store = new SqliteEventStore(join(dir, 'events.db'));
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Frames in the write-ahead log since it was last emptied: a commit writes each page it changed once. */
  const framesSince = (emptied: () => void) => {
    const db = (store as unknown as { db: Database.Database }).db;
    emptied();
    return () => (db.pragma('wal_checkpoint(PASSIVE)') as { log: number }[])[0].log;
  };
  const emptyLog = () =>
    (store as unknown as { db: Database.Database }).db.pragma('wal_checkpoint(TRUNCATE)', { simple: true });

  it('given appends to ten streams made together, when they commit, then one commit writes them all', async () => {
    await store.append('warm-up', [event()], { expectedRevision: NO_STREAM });
    let frames = framesSince(emptyLog);
    await store.append('alone', [event()], { expectedRevision: NO_STREAM });
    const oneCommit = frames();
    frames = framesSince(emptyLog);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, n) => store.append(`together-${n}`, [event()], { expectedRevision: NO_STREAM })),
    );
    // Ten commits would write at least ten times the pages of one: the group writes about as many.
    expect(frames()).toBeLessThan(2 * oneCommit);
    expect(results.map((result) => result.position)).toEqual(results.map((_, n) => results[0].position + n));
    for (let n = 0; n < 10; n += 1) expect(await store.readStream(`together-${n}`)).toHaveLength(1);
  });

  it('given appends made together, when some are refused, then each refused one fails alone and writes nothing', async () => {
    const taken = event();
    await store.append('existing', [taken], { expectedRevision: NO_STREAM });
    const outcomes = await Promise.allSettled([
      store.append('first', [event(), event()], { expectedRevision: NO_STREAM }),
      store.append('existing', [event()], { expectedRevision: NO_STREAM }),
      store.append('reused-id', [event(), taken], { expectedRevision: NO_STREAM }),
      store.append('last', [event()], { expectedRevision: NO_STREAM }),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedVersionError);
    expect((outcomes[2] as PromiseRejectedResult).reason).toBeInstanceOf(DuplicateEventIdError);
    expect(await store.readStream('first')).toHaveLength(2);
    expect(await store.readStream('existing')).toHaveLength(1);
    expect(await store.readStream('reused-id')).toEqual([]);
    expect(await store.readStream('last')).toHaveLength(1);
    expect((await store.readAll()).map((stored) => stored.streamId)).toEqual(['existing', 'first', 'first', 'last']);
  });

  it('given the same append sent twice together, when both commit, then it is recorded once and both get its answer', async () => {
    const batch = [event(), event()];
    const [first, retried] = await Promise.all([
      store.append('retried', batch, { expectedRevision: NO_STREAM }),
      store.append('retried', batch, { expectedRevision: NO_STREAM }),
    ]);
    expect(retried).toEqual(first);
    expect(await store.readStream('retried')).toHaveLength(2);
  });

  it('given appends made together on one stream, then each is checked against the ones before it in the group', async () => {
    const outcomes = await Promise.allSettled([
      store.append('chain', [event()], { expectedRevision: NO_STREAM }),
      store.append('chain', [event()], { expectedRevision: 0 }),
      store.append('chain', [event()], { expectedRevision: 0 }),
      store.append('chain', [event()], { expectedRevision: 1 }),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect((await store.readStream('chain')).map((stored) => stored.revision)).toEqual([0, 1, 2]);
  });

  /**
   * A full disk: max_page_count stops the file growing, and SQLite answers the append that needs a
   * new page with SQLITE_FULL and rolls back the whole transaction, as it does for a real full disk.
   */
  it('given appends made together, when the disk fills during their transaction, then every one fails, none is written, and later appends work', async () => {
    await store.append('before', [event()], { expectedRevision: NO_STREAM });
    const db = (store as unknown as { db: Database.Database }).db;
    const unlimited = db.pragma('max_page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    const large: NewEvent = { ...event(), data: { text: 'x'.repeat(64 * 1024) } };
    const group = () => [
      store.append('small', [event()], { expectedRevision: NO_STREAM }),
      store.append('large', [large], { expectedRevision: NO_STREAM }),
      store.append('after', [event()], { expectedRevision: NO_STREAM }),
    ];
    const outcomes = await Promise.allSettled(group());
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected', 'rejected']);
    for (const outcome of outcomes)
      expect((outcome as PromiseRejectedResult).reason).toMatchObject({ code: 'SQLITE_FULL' });
    expect((await store.readAll()).map((stored) => stored.streamId)).toEqual(['before']);

    db.pragma(`max_page_count = ${unlimited}`);
    expect((await Promise.all(group())).map((result) => result.nextRevision)).toEqual([0, 0, 0]);
    expect((await store.readAll()).map((stored) => stored.streamId)).toEqual(['before', 'small', 'large', 'after']);
  });

  /**
   * A commit refused as a whole: a foreign key checked only at COMMIT, broken by a trigger on one
   * stream's events. It stands for the other ways COMMIT fails, such as the disk refusing the
   * write-ahead log frames that a WAL transaction writes only when it commits.
   */
  it('given appends made together, when their commit fails, then every one fails, none is written, and later appends work', async () => {
    const raw = new Database(join(dir, 'events.db'));
    raw.exec(`CREATE TABLE vetoes (id TEXT PRIMARY KEY);
      CREATE TABLE vetoed (veto TEXT REFERENCES vetoes (id) DEFERRABLE INITIALLY DEFERRED);
      CREATE TRIGGER veto AFTER INSERT ON events WHEN NEW.stream_id = 'vetoed'
        BEGIN INSERT INTO vetoed VALUES ('none'); END;`);
    const outcomes = await Promise.allSettled([
      store.append('first', [event()], { expectedRevision: NO_STREAM }),
      store.append('vetoed', [event()], { expectedRevision: NO_STREAM }),
      store.append('last', [event(), event()], { expectedRevision: NO_STREAM }),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected', 'rejected']);
    for (const outcome of outcomes)
      expect((outcome as PromiseRejectedResult).reason).toMatchObject({ code: 'SQLITE_CONSTRAINT_FOREIGNKEY' });
    expect(await store.readAll()).toEqual([]);
    expect(raw.prepare('SELECT COUNT(*) FROM vetoed').pluck().get()).toBe(0);
    raw.close();

    await store.append('first', [event()], { expectedRevision: NO_STREAM });
    await store.append('last', [event(), event()], { expectedRevision: NO_STREAM });
    expect((await store.readAll()).map((stored) => [stored.streamId, stored.position])).toEqual([
      ['first', 1],
      ['last', 2],
      ['last', 3],
    ]);
  });

  it('given appends still waiting for their commit, when the store closes, then they are committed first', async () => {
    const appended = store.append('closing', [event()], { expectedRevision: NO_STREAM });
    await store.close();
    await expect(appended).resolves.toEqual({ nextRevision: 0, position: 1 });
    const reopened = new SqliteEventStore(join(dir, 'events.db'));
    expect(await reopened.readStream('closing')).toHaveLength(1);
    await reopened.close();
  });

  it('given an append made once an earlier one is answered, when the store is closing, then it is refused and nothing of it is written', async () => {
    const followUp = store
      .append('first', [event()], { expectedRevision: NO_STREAM })
      .then(() => store.append('follow-up', [event()], { expectedRevision: NO_STREAM }));
    await store.close();
    await expect(followUp).rejects.toThrow('The event store is closing: the append was not recorded.');
    const reopened = new SqliteEventStore(join(dir, 'events.db'));
    expect((await reopened.readAll()).map((stored) => stored.streamId)).toEqual(['first']);
    await reopened.close();
  });
});
