import Database from 'better-sqlite3';
import { REDACTED_TEXT } from '@app/domain';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REDACTIONS_STREAM } from '@app/domain';
import { InMemoryEventStore, NewEvent, ReadAllOptions, redactEventField, StoredEvent } from '@app/event-store';
import { recordBlockedTask as recordBlocked } from '@app/event-store/testing/blocked-task';
import { Projection } from './projection';
import { ProjectionRunner } from './projection-runner';
import { openReadDatabase } from './read-database';
import { ReadDatabaseBusyError } from './read-database-busy';
import { ALL_PROJECTIONS } from './all-projections';
import { RegionalGroupQueries } from './regional-group/regional-group.queries';

const silent = { log: () => undefined, warn: () => undefined, error: () => undefined };
const event = (n: number): NewEvent => ({ id: `e-${n}`, type: 'Counted', data: { n }, metadata: {} });

/** Records every event it sees under a primary key, so applying one twice would fail loudly. */
const countingProjection = (version: number): Projection => ({
  name: 'counting',
  version,
  tables: ['counted'],
  setup: (db) =>
    db.exec('CREATE TABLE counted (position INTEGER PRIMARY KEY, n INTEGER NOT NULL, version INTEGER NOT NULL)'),
  apply: (db, e) =>
    db.prepare('INSERT INTO counted VALUES (?, ?, ?)').run(e.position, (e.data as { n: number }).n, version),
});

describe('the projection runner', () => {
  let dir: string;
  let store: InMemoryEventStore;
  let runners: ProjectionRunner[];
  let dbs: Database.Database[];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'read-'));
    store = new InMemoryEventStore();
    runners = [];
    dbs = [];
  });
  afterEach(async () => {
    for (const runner of runners) await runner.stop();
    for (const db of dbs) db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const startRunner = async (version = 1) => {
    const db = openReadDatabase(join(dir, 'read.db'));
    const runner = new ProjectionRunner(store, db, [countingProjection(version)], silent);
    await runner.start();
    runners.push(runner);
    dbs.push(db);
    return { runner, db };
  };
  const counted = (db: Database.Database) => db.prepare('SELECT n, version FROM counted ORDER BY position').all();
  const countedNs = (db: Database.Database) => counted(db).map((row) => (row as { n: number }).n);
  /** Builds read.db from the log as it is now, then stops that runner and closes its connection. */
  const buildAndStop = async (version = 1) => {
    const first = await startRunner(version);
    await first.runner.stop();
    first.db.close();
    dbs.splice(dbs.indexOf(first.db), 1);
  };
  /** A runner started on read.db that keeps the errors it logs. */
  const startLogging = async () => {
    const errors: string[] = [];
    const db = openReadDatabase(join(dir, 'read.db'));
    dbs.push(db);
    const runner = new ProjectionRunner(store, db, [countingProjection(1)], {
      ...silent,
      error: (_, error) => errors.push((error as Error).message),
    });
    runners.push(runner);
    await runner.start();
    return { runner, db, errors };
  };
  /** Every row of read.db, the runner's own included, as its tables hold them. */
  const everything = (db: Database.Database) =>
    ['counted', 'projection_checkpoints', 'last_applied_event'].map((table) =>
      db.prepare(`SELECT * FROM ${table} ORDER BY 1`).all(),
    );

  it('catches up with history at start-up', async () => {
    await store.append('s', [event(1), event(2)], { expectedRevision: 'no_stream' });
    const { runner, db } = await startRunner();
    expect(counted(db)).toEqual([
      { n: 1, version: 1 },
      { n: 2, version: 1 },
    ]);
    expect(runner.position).toBe(2);
  });

  it('hands a projection only the events of the streams it declares, at start-up and live', async () => {
    await store.append('counter-a', [event(1)], { expectedRevision: 'no_stream' });
    await store.append('other-b', [event(2)], { expectedRevision: 'no_stream' });
    const db = openReadDatabase(join(dir, 'read.db'));
    dbs.push(db);
    const runner = new ProjectionRunner(store, db, [{ ...countingProjection(1), streams: ['counter-'] }], silent);
    runners.push(runner);
    await runner.start();
    await store.append('other-b', [event(3)], { expectedRevision: 0 });
    const { position } = await store.append('counter-a', [event(4)], { expectedRevision: 0 });
    await runner.waitFor(position);
    expect(counted(db)).toEqual([
      { n: 1, version: 1 },
      { n: 4, version: 1 },
    ]);
  });

  it('builds a projection from nothing without its deferred indexes, then creates them and restores durability', async () => {
    const indexed = (db: Database.Database) =>
      db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'counted_by_n'").get() !== undefined;
    const seenWithIndex: boolean[] = [];
    const deferring: Projection = {
      ...countingProjection(1),
      deferredIndexes: ['CREATE INDEX IF NOT EXISTS counted_by_n ON counted (n)'],
      apply: (db, e) => {
        seenWithIndex.push(indexed(db));
        countingProjection(1).apply(db, e);
      },
    };
    await store.append('s', [event(1), event(2)], { expectedRevision: 'no_stream' });
    const db = openReadDatabase(join(dir, 'read.db'));
    dbs.push(db);
    // Set explicitly: left to itself, SQLite lowers FULL to its WAL default on the file's first write.
    db.pragma('synchronous = FULL');
    db.pragma('cache_size = -4000');
    const durability = { synchronous: 2, cache: -4000 };
    const runner = new ProjectionRunner(store, db, [deferring], silent);
    runners.push(runner);
    await runner.start();
    expect(seenWithIndex).toEqual([false, false]);
    expect(indexed(db)).toBe(true);
    expect({
      synchronous: db.pragma('synchronous', { simple: true }),
      cache: db.pragma('cache_size', { simple: true }),
    }).toEqual(durability);
    const { position } = await store.append('s', [event(3)], { expectedRevision: 1 });
    await runner.waitFor(position);
    expect(seenWithIndex).toEqual([false, false, true]);
  });

  it('lets a writer wait until its own write is readable', async () => {
    const { runner, db } = await startRunner();
    const committed: string[] = [];
    runner.onCommitted((events) => committed.push(...events.map((e) => e.id)));
    const { position } = await store.append('s', [event(1)], { expectedRevision: 'no_stream' });
    await runner.waitFor(position);
    expect(counted(db)).toEqual([{ n: 1, version: 1 }]);
    expect(committed).toEqual(['e-1']);
  });

  it('applies live events appended together in one transaction, and a later one on its own', async () => {
    const { runner, db } = await startRunner();
    const batches: string[][] = [];
    runner.onCommitted((events) => batches.push(events.map((e) => e.id)));
    const together = await Promise.all(
      [1, 2, 3].map((n) => store.append(`s-${n}`, [event(n)], { expectedRevision: 'no_stream' })),
    );
    await runner.waitFor(Math.max(...together.map((result) => result.position)));
    const { position } = await store.append('s-4', [event(4)], { expectedRevision: 'no_stream' });
    await runner.waitFor(position);
    expect(batches).toEqual([['e-1', 'e-2', 'e-3'], ['e-4']]);
    expect(counted(db)).toEqual([1, 2, 3, 4].map((n) => ({ n, version: 1 })));
  });

  it('resumes from its checkpoint after a restart without applying anything twice', async () => {
    await store.append('s', [event(1)], { expectedRevision: 'no_stream' });
    await buildAndStop();
    await store.append('s', [event(2)], { expectedRevision: 0 });
    const { db } = await startRunner();
    expect(countedNs(db)).toEqual([1, 2]);
  });

  it('given a read database built from a longer log, when started on a shorter one, then it changes nothing, applies nothing and says why', async () => {
    const longer = store;
    await longer.append('s', [1, 2, 3, 4, 5].map(event), { expectedRevision: 'no_stream' });
    await buildAndStop();
    // The log cut back, or a backup restored: the same log as it stood two events in.
    store = new InMemoryEventStore();
    await store.append(
      's',
      (await longer.readAll({ limit: 2 })).map(({ id, type, data, metadata }) => ({ id, type, data, metadata })),
      { expectedRevision: 'no_stream' },
    );
    const { runner, db, errors } = await startLogging();

    expect(runner.error?.message).toMatch(/applied up to position 5 but the log ends at 2.*delete read\.db/);
    expect(errors).toEqual([runner.error?.message]);
    expect(countedNs(db)).toEqual([1, 2, 3, 4, 5]);
    const { position } = await store.append('s', [event(6)], { expectedRevision: 1 });
    await expect(runner.waitFor(position)).rejects.toBe(runner.error);
    expect(countedNs(db)).toEqual([1, 2, 3, 4, 5]);
  });

  it("given another process's runner on the same file, when it applies new events while this one starts, then this one starts from them and finds nothing wrong", async () => {
    await store.append('s', [event(1), event(2)], { expectedRevision: 'no_stream' });
    const other = await startRunner();
    const lastPosition = store.lastPosition.bind(store);
    // The CLI beside the service: its runner applies an event appended just after this one read the log's end.
    jest.spyOn(store, 'lastPosition').mockImplementationOnce(async () => {
      const end = await lastPosition();
      const { position } = await store.append('s', [event(3)], { expectedRevision: 1 });
      await other.runner.waitFor(position);
      return end;
    });
    const { runner, db, errors } = await startLogging();

    expect(errors).toEqual([]);
    expect(runner.error).toBeNull();
    expect(runner.position).toBe(3);
    const { position } = await store.append('s', [event(4)], { expectedRevision: 2 });
    await runner.waitFor(position);
    expect(countedNs(db)).toEqual([1, 2, 3, 4]);
  });

  describe("given another process holding read.db's write lock longer than the runner waits for it", () => {
    let holder: Database.Database;
    /** A runner on read.db that gives up on the lock at once rather than after SQLite's default 5 s. */
    const impatient = () => {
      const db = openReadDatabase(join(dir, 'read.db'));
      db.pragma('busy_timeout = 0');
      dbs.push(db);
      const runner = new ProjectionRunner(store, db, [countingProjection(1)], silent);
      runners.push(runner);
      return runner;
    };
    const holdTheLock = () => {
      holder = new Database(join(dir, 'read.db'));
      dbs.push(holder);
      holder.exec('BEGIN IMMEDIATE');
    };
    const busy = () =>
      expect.objectContaining({
        name: 'ReadDatabaseBusyError',
        file: join(dir, 'read.db'),
        message: expect.stringMatching(/read\.db stayed locked for 0 s: another process on the same file is writing/),
      });

    it('when the runner has events to catch up with at start-up, then it fails naming the file and writes nothing', async () => {
      await store.append('s', [event(1)], { expectedRevision: 'no_stream' });
      await buildAndStop();
      await store.append('s', [event(2)], { expectedRevision: 0 });
      holdTheLock();

      const runner = impatient();
      const starting = runner.start();
      await expect(starting).rejects.toBeInstanceOf(ReadDatabaseBusyError);
      await expect(starting).rejects.toEqual(busy());
      holder.exec('ROLLBACK');
      expect(countedNs(holder)).toEqual([1]);
    });

    it("when a live event comes to a runner that does not wait for the lock (a command's), then it stops with the same error and a writer waiting for it is told", async () => {
      const runner = impatient();
      await runner.start();
      holdTheLock();
      const { position } = await store.append('s', [event(1)], { expectedRevision: 'no_stream' });

      await expect(runner.waitFor(position)).rejects.toEqual(busy());
      expect(runner.error).toBeInstanceOf(ReadDatabaseBusyError);
      holder.exec('ROLLBACK');
      expect(countedNs(holder)).toEqual([]);
    });

    describe("and a runner that waits for the lock (the service's)", () => {
      let logged: { warnings: string[]; lines: string[]; errors: unknown[] };
      let warned: Promise<void>;
      const waiting = async (lockRetryMs: number) => {
        logged = { warnings: [], lines: [], errors: [] };
        let onWarning: () => void;
        let onError: (error: unknown) => void;
        // Rejected when the runner stops instead, so a runner that does not wait fails here at once.
        warned = new Promise((resolve, reject) => {
          onWarning = resolve;
          onError = reject;
        });
        const db = openReadDatabase(join(dir, 'read.db'));
        dbs.push(db);
        const runner = new ProjectionRunner(
          store,
          db,
          [countingProjection(1)],
          {
            log: (message) => logged.lines.push(message),
            warn: (message) => {
              logged.warnings.push(message);
              onWarning();
            },
            error: (_, error) => {
              logged.errors.push(error);
              onError(error);
            },
          },
          { lockRetryMs },
        );
        runners.push(runner);
        await runner.start();
        return { runner, db };
      };
      /** Lets the runner try again a few times: each try waits a moment for the lock before its timer. */
      const severalTries = () => new Promise((resolve) => setTimeout(resolve, 300));

      it('when live events come while another connection holds it, then the runner neither stops nor applies them until it is released, then applies them once', async () => {
        const { runner, db } = await waiting(1);
        holdTheLock();
        const { position } = await store.append('s', [event(1), event(2)], { expectedRevision: 'no_stream' });
        await warned;
        await severalTries();

        expect(runner.error).toBeNull();
        expect(runner.position).toBe(0);
        expect(countedNs(db)).toEqual([]);
        expect(logged.warnings).toEqual([
          `The read database ${join(dir, 'read.db')} is locked by another process writing to it (such as a command of the command-line tool catching up): the read models wait for it and are not updated meanwhile, trying again every 1 ms.`,
        ]);

        holder.exec('ROLLBACK');
        await runner.waitFor(position);
        expect(countedNs(db)).toEqual([1, 2]);
        expect(runner.error).toBeNull();
        expect(logged.errors).toEqual([]);
        // The short wait of each try is the live path's own: the connection's is as it was.
        expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
        const next = await store.append('s', [event(3)], { expectedRevision: 1 });
        await runner.waitFor(next.position);
        expect(countedNs(db)).toEqual([1, 2, 3]);
        expect(logged.warnings).toHaveLength(1);
        expect(logged.lines).toEqual([
          `The read database ${join(dir, 'read.db')} is free again: the read models go on from position 2.`,
        ]);
      });

      it("when the other process's runner applies the same events meanwhile, then this one does not apply them again and goes on after them", async () => {
        const { runner, db } = await waiting(1);
        holdTheLock();
        const { position } = await store.append('s', [event(1)], { expectedRevision: 'no_stream' });
        await warned;
        // What the other process's runner commits for the event: its row and the checkpoint past it.
        holder.prepare('INSERT INTO counted VALUES (?, ?, ?)').run(position, 1, 1);
        holder.prepare("UPDATE projection_checkpoints SET position = ? WHERE name = 'counting'").run(position);
        holder.exec('COMMIT');

        await runner.waitFor(position);
        expect(runner.error).toBeNull();
        expect(countedNs(db)).toEqual([1]);
        const next = await store.append('s', [event(2)], { expectedRevision: 0 });
        await runner.waitFor(next.position);
        expect(countedNs(db)).toEqual([1, 2]);
        expect(logged.errors).toEqual([]);
      });

      it('when it is stopped while waiting, then it stops without waiting out the timer and without an error', async () => {
        const { runner, db } = await waiting(600_000);
        holdTheLock();
        await store.append('s', [event(1)], { expectedRevision: 'no_stream' });
        await warned;

        await runner.stop();
        expect(runner.error).toBeNull();
        expect(logged.errors).toEqual([]);
        holder.exec('ROLLBACK');
        expect(countedNs(db)).toEqual([]);
      });
    });
  });

  const hashed = (n: number): NewEvent => ({ ...event(n), metadata: { hash: `hash-${n}` } });
  const withId = (id: string) => (e: NewEvent) => ({ ...e, id });

  it.each([
    {
      replacement: 'another log as long',
      append: (log: InMemoryEventStore) =>
        log.append(
          's',
          [1, 2, 3, 4, 5].map((n) => withId(`other-${n}`)(hashed(n))),
          { expectedRevision: 'no_stream' },
        ),
      difference: 'the log has event other-5 in its place',
    },
    {
      replacement: 'the log rewritten from its last event and extended',
      append: (log: InMemoryEventStore) =>
        log.append('s', [...[1, 2, 3, 4].map(hashed), ...[5, 6, 7].map((n) => withId(`rewritten-${n}`)(hashed(n)))], {
          expectedRevision: 'no_stream',
        }),
      difference: 'the log has event rewritten-5 in its place',
    },
    {
      replacement: 'the same events with their content and chain rewritten',
      append: (log: InMemoryEventStore) =>
        log.append(
          's',
          [1, 2, 3, 4, 5].map((n) => ({ ...hashed(n), data: { n: n * 10 }, metadata: { hash: `rewritten-${n}` } })),
          { expectedRevision: 'no_stream' },
        ),
      difference: 'the log has it with another hash: its content or chain was rewritten',
    },
    {
      replacement: 'the same events copied in after another',
      append: async (log: InMemoryEventStore) => {
        await log.append('t', [event(0)], { expectedRevision: 'no_stream' });
        await log.append('s', [1, 2, 3, 4, 5].map(hashed), { expectedRevision: 'no_stream' });
      },
      difference: 'the log has it at position 6',
    },
    {
      replacement: "another region's log as long, without that stream",
      append: (log: InMemoryEventStore) =>
        log.append(
          't',
          [1, 2, 3, 4, 5].map((n) => withId(`t-${n}`)(hashed(n))),
          { expectedRevision: 'no_stream' },
        ),
      difference: 'the log has no such revision of that stream',
    },
  ])(
    'given a read database built from one log, when started on $replacement, then it changes nothing, applies nothing and says why',
    async ({ append, difference }) => {
      await store.append('s', [1, 2, 3, 4, 5].map(hashed), { expectedRevision: 'no_stream' });
      await buildAndStop();
      const built = new Database(join(dir, 'read.db'), { readonly: true });
      const before = everything(built);
      built.close();
      store = new InMemoryEventStore();
      await append(store);
      const { runner, db, errors } = await startLogging();

      expect(runner.error?.message).toContain(
        `built from another event log: the last event they applied is e-5, revision 4 of stream s at position 5, but ${difference}.`,
      );
      expect(runner.error?.message).toMatch(/delete read\.db/);
      expect(errors).toEqual([runner.error?.message]);
      expect(everything(db)).toEqual(before);
      const { position } = await store.append('u', [event(9)], { expectedRevision: 'no_stream' });
      await expect(runner.waitFor(position)).rejects.toBe(runner.error);
      expect(everything(db)).toEqual(before);
    },
  );

  it('given a read database from before the last event applied was recorded, then it starts, records the next event it applies, and then finds a log replaced', async () => {
    await store.append('s', [1, 2].map(hashed), { expectedRevision: 'no_stream' });
    await buildAndStop();
    const older = new Database(join(dir, 'read.db'));
    older.exec('DROP TABLE last_applied_event');
    older.close();

    const { runner, db } = await startRunner();
    expect(runner.error).toBeNull();
    const { position } = await store.append('s', [hashed(3)], { expectedRevision: 1 });
    await runner.waitFor(position);
    expect(countedNs(db)).toEqual([1, 2, 3]);
    expect(db.prepare('SELECT * FROM last_applied_event').all()).toEqual([
      { id: 1, position: 3, stream_id: 's', revision: 2, event_id: 'e-3', hash: 'hash-3' },
    ]);
    await runner.stop();

    const again = await startLogging();
    expect(again.runner.error).toBeNull();
    await again.runner.stop();
    store = new InMemoryEventStore();
    await store.append('s', [hashed(1), hashed(2), withId('other-3')(hashed(3))], { expectedRevision: 'no_stream' });
    expect((await startLogging()).runner.error?.message).toContain('the log has event other-3 in its place');
  });

  it('rebuilds a projection from history when its version changes', async () => {
    await store.append('s', [event(1), event(2)], { expectedRevision: 'no_stream' });
    await buildAndStop(1);
    const { db } = await startRunner(2);
    expect(counted(db)).toEqual([
      { n: 1, version: 2 },
      { n: 2, version: 2 },
    ]);
  });

  it('keeps rows and checkpoint together: a failing event leaves neither', async () => {
    const failing: Projection = {
      ...countingProjection(1),
      apply: (db, e) => {
        if ((e.data as { n: number }).n === 2) throw new Error('cannot apply');
        countingProjection(1).apply(db, e);
      },
    };
    await store.append('s', [event(1), event(2)], { expectedRevision: 'no_stream' });
    const db = openReadDatabase(':memory:');
    dbs.push(db);
    const runner = new ProjectionRunner(store, db, [failing], silent);
    await expect(runner.start()).rejects.toThrow('cannot apply');
    expect(counted(db)).toEqual([]);
    expect(db.prepare('SELECT position FROM projection_checkpoints').get()).toEqual({ position: 0 });
  });

  /** A task blocked with a reason that names a child, in the store; answers the event's id. */
  const recordBlockedTask = () => recordBlocked(store);
  const redact = (eventId: string) =>
    redactEventField(
      store,
      { eventId, field: 'reason', reason: 'Names a child (R40)' },
      {
        actor: { personId: 'admin-1', partnerId: null, roles: ['ADMINISTRATOR'] },
        now: '2026-11-24T10:00:00.000Z',
        correlationId: 'c',
      },
    );
  /** Records the position of every event it sees, under a primary key, so applying one twice would fail loudly. */
  const positions: Projection = {
    name: 'positions',
    version: 1,
    tables: ['positions'],
    setup: (db) => db.exec('CREATE TABLE positions (position INTEGER PRIMARY KEY)'),
    apply: (db, e) => db.prepare('INSERT INTO positions VALUES (?)').run(e.position),
  };
  const seen = (db: Database.Database) => db.prepare('SELECT position FROM positions ORDER BY position').pluck().all();

  it("rebuilds after a redaction as it reads the log, the service's connection seeing the old rows until it commits", async () => {
    const eventId = await recordBlockedTask();
    const db = openReadDatabase(join(dir, 'read.db'));
    dbs.push(db);
    const runner = new ProjectionRunner(store, db, [positions], silent);
    await runner.start();
    runners.push(runner);
    // Holds the rebuild's first read of the log (from the start) until the rows are looked at.
    const readAll = store.readAll.bind(store);
    let reached: () => void = () => undefined;
    const rebuildReading = new Promise<void>((resolve) => (reached = resolve));
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    jest.spyOn(store, 'readAll').mockImplementation(async (options: ReadAllOptions = {}): Promise<StoredEvent[]> => {
      if (!options.from) {
        reached();
        await released;
      }
      return readAll(options);
    });
    const { position } = await redact(eventId);
    await rebuildReading;
    expect(seen(db)).toEqual([1]);
    release();
    await runner.waitFor(position);
    expect(seen(db)).toEqual([1, 2]);
    // Recorded by the rebuild's own connection, as a batch records it.
    expect(db.prepare('SELECT position, stream_id AS streamId FROM last_applied_event').get()).toEqual({
      position,
      streamId: REDACTIONS_STREAM,
    });
  });

  /** Copies each task's reason, as the real projections copy free text into their rows. */
  const reasons: Projection = {
    name: 'reasons',
    version: 1,
    tables: ['reasons'],
    streams: ['workstream-'],
    deferredIndexes: ['CREATE INDEX IF NOT EXISTS reasons_by_reason ON reasons (reason)'],
    setup: (db) => db.exec('CREATE TABLE reasons (position INTEGER PRIMARY KEY, reason TEXT)'),
    apply: (db, e) =>
      db.prepare('INSERT INTO reasons VALUES (?, ?)').run(e.position, (e.data as { reason?: string }).reason ?? null),
  };
  /** Every file of the read database (the database, its write-ahead log), as bytes. */
  const readFiles = () =>
    Buffer.concat(
      readdirSync(dir)
        .filter((name) => name.startsWith('read.db'))
        .map((name) => readFileSync(join(dir, name))),
    );
  const startCopyingReasons = async (emptyLogRetryMs?: number) => {
    const warnings: string[] = [];
    let emptiedLog: (message: string) => void = () => undefined;
    const emptied = new Promise<string>((resolve) => (emptiedLog = resolve));
    const db = openReadDatabase(join(dir, 'read.db'));
    dbs.push(db);
    const logger = {
      ...silent,
      log: (message: string) => (message.includes('emptied') ? emptiedLog(message) : undefined),
      warn: (message: string) => warnings.push(message),
    };
    const runner = new ProjectionRunner(store, db, [reasons], logger, { emptyLogRetryMs });
    await runner.start();
    runners.push(runner);
    return { db, runner, warnings, emptied };
  };
  const copied = (db: Database.Database) => db.prepare('SELECT reason FROM reasons ORDER BY position').pluck().all();

  it("given a runner that waits for the lock (the service's), when a redaction's rebuild finds read.db locked, then it rebuilds once the lock is released, applying no event twice", async () => {
    const eventId = await recordBlockedTask();
    const db = openReadDatabase(join(dir, 'read.db'));
    dbs.push(db);
    let warned: () => void = () => undefined;
    const waiting = new Promise<void>((resolve) => (warned = resolve));
    const errors: unknown[] = [];
    const runner = new ProjectionRunner(
      store,
      db,
      [positions],
      { log: () => undefined, warn: () => warned(), error: (_, error) => errors.push(error) },
      { lockRetryMs: 1 },
    );
    await runner.start();
    runners.push(runner);
    const holder = new Database(join(dir, 'read.db'));
    dbs.push(holder);
    holder.exec('BEGIN IMMEDIATE');

    await store.append('s', [event(1)], { expectedRevision: 'no_stream' });
    const { position } = await redact(eventId);
    await waiting;
    expect(seen(db)).toEqual([1]);

    holder.exec('ROLLBACK');
    await runner.waitFor(position);
    // positions is keyed by position: an event applied twice would have stopped the runner.
    expect(seen(db)).toEqual([1, 2, 3]);
    expect(runner.error).toBeNull();
    expect(errors).toEqual([]);
  });

  describe("given another connection reading read.db, as the CLI's replay check does", () => {
    let reader: Database.Database;
    /** Holds a read transaction on read.db, then redacts the reason its rows copied. */
    const redactWhileReading = async (emptyLogRetryMs?: number) => {
      const eventId = await recordBlockedTask();
      const started = await startCopyingReasons(emptyLogRetryMs);
      expect(readFiles().includes('Tyler Jones')).toBe(true);
      reader = new Database(join(dir, 'read.db'), { readonly: true });
      reader.exec('BEGIN');
      reader.prepare('SELECT COUNT(*) FROM reasons').get();
      const { position } = await redact(eventId);
      await started.runner.waitFor(position);
      return started;
    };
    afterEach(() => {
      if (reader.open) reader.close();
    });

    it('when a field is redacted, then the rows are rebuilt and the runner goes on without waiting, says the text is still in the log, and empties it at its first commit after the reader lets go', async () => {
      const { db, runner, warnings, emptied } = await redactWhileReading();

      expect(copied(db)).toEqual([REDACTED_TEXT]);
      expect(runner.error).toBeNull();
      expect(warnings).toEqual([expect.stringContaining("still in the read database's write-ahead log")]);
      expect(readFiles().includes('Tyler Jones')).toBe(true);
      expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);

      const { position } = await store.append('workstream-w2', [event(3)], { expectedRevision: 'no_stream' });
      await runner.waitFor(position);
      // Tried again and still held: no second warning for the same run of failures.
      expect(warnings).toHaveLength(1);
      expect(readFiles().includes('Tyler Jones')).toBe(true);

      reader.exec('COMMIT');
      const last = await store.append('workstream-w2', [event(4)], { expectedRevision: 0 });
      await runner.waitFor(last.position);
      expect(await emptied).toMatch(/redacted text has left the read database's files/);
      expect(readFiles().includes('Tyler Jones')).toBe(false);
      expect(copied(db)).toEqual([REDACTED_TEXT, null, null]);
    });

    it('when it lets go and no event follows, then the retry empties the log', async () => {
      const { emptied } = await redactWhileReading(20);
      expect(readFiles().includes('Tyler Jones')).toBe(true);

      reader.exec('COMMIT');
      await emptied;
      expect(readFiles().includes('Tyler Jones')).toBe(false);
    });
  });

  /**
   * A checkpoint throws only on an I/O error (a full disk, a failed truncation of the log), which
   * nothing in this process can bring about; so the read database's checkpoint pragma throws the
   * error SQLite would.
   */
  it('given the read database cannot empty its log after a rebuild for a redaction, then the runner goes on with the rows rebuilt, says why, and a later checkpoint that succeeds empties it', async () => {
    const eventId = await recordBlockedTask();
    const { db, runner, warnings, emptied } = await startCopyingReasons();
    const pragma = db.pragma.bind(db);
    const failure = new Database.SqliteError('disk I/O error', 'SQLITE_IOERR_TRUNCATE');
    const checkpoint = jest.spyOn(db, 'pragma').mockImplementation((source, options) => {
      if (source === 'wal_checkpoint(TRUNCATE)') throw failure;
      return pragma(source, options);
    });

    const { position } = await redact(eventId);
    await runner.waitFor(position);
    checkpoint.mockRestore();
    expect(runner.error).toBeNull();
    expect(copied(db)).toEqual([REDACTED_TEXT]);
    // The rebuild, from nothing, created the projection's deferred indexes as a catch-up does.
    expect(
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'reasons'").pluck().all(),
    ).toEqual(['reasons_by_reason']);
    expect(warnings).toEqual([expect.stringContaining('disk I/O error')]);
    expect(readFiles().includes('Tyler Jones')).toBe(true);

    const next = await store.append('workstream-w2', [event(3)], { expectedRevision: 'no_stream' });
    await runner.waitFor(next.position);
    await emptied;
    expect(readFiles().includes('Tyler Jones')).toBe(false);
    expect(copied(db)).toEqual([REDACTED_TEXT, null]);
  });
});

describe('rebuilding the real projections', () => {
  it('rebuilds tables that hold rows when a projection version changes', async () => {
    const store = new InMemoryEventStore();
    await store.append(
      'regional-group-g1',
      [
        {
          id: 'e-1',
          type: 'RegionalGroupEstablished',
          data: {
            groupId: 'g1',
            name: 'Avon and Somerset',
            areas: [{ areaId: 'a1', name: 'Bristol' }],
            establishedAt: '2019-09-01T00:00:00.000Z',
          },
          metadata: {},
        },
      ],
      { expectedRevision: 'no_stream' },
    );
    const db = openReadDatabase(':memory:');
    const first = new ProjectionRunner(store, db, ALL_PROJECTIONS, silent);
    await first.start();
    await first.stop();
    const bumped = ALL_PROJECTIONS.map((projection) => ({ ...projection, version: projection.version + 1 }));
    const second = new ProjectionRunner(store, db, bumped, silent);
    await second.start();
    await second.stop();
    // Recorded without establishedOn (schema version 1), the group and its areas date from the day it was recorded.
    const { establishedOn } = db.prepare('SELECT established_on AS establishedOn FROM regional_groups').get() as {
      establishedOn: string;
    };
    expect(new RegionalGroupQueries(db).areasOfGroups(['g1']).get('g1')).toEqual([
      { areaId: 'a1', groupId: 'g1', name: 'Bristol', addedOn: establishedOn, addedPosition: 1 },
    ]);
    db.close();
  });
});

describe('rebuilding one projection among several', () => {
  it('never moves another projection back, so nothing is applied twice', async () => {
    const store = new InMemoryEventStore();
    const total = 12_500;
    for (let n = 0; n < total; n += 500) {
      await store.append(
        `s-${n}`,
        Array.from({ length: 500 }, (_, i) => event(n + i)),
        { expectedRevision: 'no_stream' },
      );
    }
    const db = openReadDatabase(':memory:');
    const other: Projection = {
      ...countingProjection(1),
      name: 'other',
      tables: ['other_counted'],
      setup: (d) => d.exec('CREATE TABLE other_counted (position INTEGER PRIMARY KEY)'),
      apply: (d, e) => d.prepare('INSERT INTO other_counted VALUES (?)').run(e.position),
    };
    const first = new ProjectionRunner(store, db, [countingProjection(1), other], silent);
    await first.start();
    await first.stop();
    const second = new ProjectionRunner(store, db, [countingProjection(2), other], silent);
    await second.start();
    await second.stop();
    expect(db.prepare('SELECT COUNT(*) AS n FROM other_counted').get()).toEqual({ n: total });
    expect(db.prepare('SELECT COUNT(*) AS n FROM counted WHERE version = 2').get()).toEqual({ n: total });
    db.close();
  });
});
