import Database from 'better-sqlite3';
import { DomainError, REDACTED_TEXT, REDACTIONS_STREAM } from '@app/domain';
import { generateKeyPair } from 'jose';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventStore, NO_STREAM } from './event-store';
import { chainEvents, verifyHashChains } from './hash-chain';
import { InMemoryEventStore } from './in-memory/in-memory-event-store';
import { redactEventField } from './redact';
import { PostgresEventStore } from './postgres/postgres-event-store';
import { SqliteEventStore } from './sqlite/sqlite-event-store';
import { PLATFORM_METADATA as metadata, recordBlockedTask, SLIPPED } from './testing/blocked-task';
import { dropTestSchema, freshTestSchema, TEST_DATABASE_URL } from './testing/postgres-test-schema';
import { signAndRecordTreeHead, TransparencyLog } from './transparency/transparency-log';

const ADMIN = { personId: 'admin-1', partnerId: null, roles: ['ADMINISTRATOR'] };
const REASON = 'Names a child (R40)';
const admin = { actor: ADMIN, now: '2026-11-24T10:00:00.000Z', correlationId: 'c' };

const refusal = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  throw new Error('not refused');
};

const schema = freshTestSchema();
const stores: [string, (dir: string) => EventStore][] = [
  ['SQLite', (dir) => new SqliteEventStore(join(dir, 'events.db'))],
  ['in-memory', () => new InMemoryEventStore()],
];
// The PostgreSQL suites run where DATABASE_URL names a server (CI sets it); see postgres-test-schema.ts.
if (TEST_DATABASE_URL)
  stores.push(['PostgreSQL', () => new PostgresEventStore(TEST_DATABASE_URL as string, { schema })]);

describe.each(stores)('redaction in the %s store (A7, R40)', (name, open) => {
  let dir: string;
  let store: EventStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'redaction-'));
    store = open(dir);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
    if (name === 'PostgreSQL') await dropTestSchema(TEST_DATABASE_URL as string, schema);
  });

  it('keeps free text readable beside its event while the chain commits to its salted digest', async () => {
    const eventId = await recordBlockedTask(store);
    const [stored] = await store.readStream('workstream-w1');
    expect(stored.data).toEqual({ taskId: 't1', reason: SLIPPED });
    expect(stored.texts).toEqual([
      { path: 'reason', digest: expect.stringMatching(/^[0-9a-f]{64}$/), salt: expect.any(String) },
    ]);
    expect((await store.readEvent?.(eventId))?.data).toEqual(stored.data);
    expect((await store.readStream('workstream-w1', { limit: 1 }))[0].data).toEqual(stored.data);
    expect(await verifyHashChains(store)).toMatchObject({ breaks: [], redactions: [] });
  });

  it('reads each kept text back with the whole log, beside events that hold none', async () => {
    const [plain] = chainEvents('workstream-w0', null, [
      { id: 'e0000000-0000-4000-8000-000000000000', type: 'TaskStarted', data: { taskId: 't0' }, metadata },
    ]);
    await store.append('workstream-w0', [plain], { expectedRevision: NO_STREAM });
    await recordBlockedTask(store, 1);
    await recordBlockedTask(store, 2);

    expect((await store.readAll()).map((stored) => stored.data)).toEqual([
      { taskId: 't0' },
      { taskId: 't1', reason: SLIPPED },
      { taskId: 't2', reason: SLIPPED },
    ]);
  });

  it('redacts a field: the text reads "[redacted]" everywhere, verification passes and reports who, when and why', async () => {
    const eventId = await recordBlockedTask(store);
    const rootBefore = await (await TransparencyLog.scan(store)).rootHash();

    await redactEventField(store, { eventId, field: 'reason', reason: REASON }, admin);

    expect((await store.readStream('workstream-w1'))[0].data).toEqual({ taskId: 't1', reason: REDACTED_TEXT });
    expect((await store.readAll())[0].data).toEqual({ taskId: 't1', reason: REDACTED_TEXT });
    const report = await verifyHashChains(store);
    expect(report.breaks).toEqual([]);
    expect(report.redactions).toEqual([
      {
        eventId,
        streamId: 'workstream-w1',
        field: 'reason',
        reason: REASON,
        by: 'admin-1',
        at: '2026-11-24T10:00:00.000Z',
        position: 2,
        reanchored: false,
      },
    ]);
    // The log's leaves are the chain hashes, which a redaction of a sealed field leaves alone.
    expect(await (await TransparencyLog.scan(store)).rootHash(1)).toBe(rootBefore);
  });

  it('refuses a redaction by anyone but an administrator, of an unknown event, of a field that is not free text, and twice', async () => {
    const eventId = await recordBlockedTask(store);
    const input = { eventId, field: 'reason', reason: REASON };
    expect(await refusal(redactEventField(store, input, { ...admin, actor: { ...ADMIN, roles: ['AUDITOR'] } }))).toBe(
      'FORBIDDEN',
    );
    expect(
      await refusal(redactEventField(store, { ...input, eventId: 'e0000000-0000-4000-8000-000000000099' }, admin)),
    ).toBe('NOT_FOUND');
    expect(await refusal(redactEventField(store, { ...input, field: 'taskId' }, admin))).toBe('VALIDATION_FAILED');
    await redactEventField(store, input, admin);
    expect(await refusal(redactEventField(store, input, admin))).toBe('ALREADY_REDACTED');
    expect(await store.readStream(REDACTIONS_STREAM)).toHaveLength(1);
  });
});

describe('redaction in the SQLite file', () => {
  let dir: string;
  let file: string;
  let store: SqliteEventStore;
  const sql = (statement: string) => {
    const raw = new Database(file);
    raw.exec(statement);
    raw.close();
  };
  /** Every file of the store (the database, its write-ahead log), as bytes. */
  const fileBytes = () =>
    Buffer.concat(
      readdirSync(dir)
        .filter((name) => name.startsWith('events.db'))
        .map((name) => readFileSync(join(dir, name))),
    );

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'redaction-file-'));
    file = join(dir, 'events.db');
    store = new SqliteEventStore(file);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the text only in event_texts, and after a redaction nowhere in the files', async () => {
    const eventId = await recordBlockedTask(store);
    const raw = new Database(file, { readonly: true });
    expect(raw.prepare('SELECT data FROM events').pluck().get()).not.toContain('Tyler');
    raw.close();
    expect(fileBytes().includes('Tyler Jones')).toBe(true);

    await redactEventField(store, { eventId, field: 'reason', reason: REASON }, admin);

    expect(fileBytes().includes('Tyler Jones')).toBe(false);
    expect((await verifyHashChains(store)).breaks).toEqual([]);
  });

  /**
   * A checkpoint throws only on an I/O error (a full disk while it copies pages into the database,
   * a failed truncation of the log), which nothing in this process can bring about; so the
   * connection's checkpoint pragma throws the error SQLite would. (A reader holding the log makes
   * SQLite answer busy instead, which delays the emptying, as the README says.)
   */
  it('given the log cannot be emptied after a redaction, then the redaction and the append beside it are answered as recorded, a warning says the text is still in the log, and a later checkpoint that succeeds empties it', async () => {
    await store.close();
    const warnings: string[] = [];
    store = new SqliteEventStore(file, { logger: { log: () => undefined, warn: (message) => warnings.push(message) } });
    const eventId = await recordBlockedTask(store);
    const db = (store as unknown as { db: Database.Database }).db;
    const pragma = db.pragma.bind(db);
    const failure = new Database.SqliteError('disk I/O error', 'SQLITE_IOERR_TRUNCATE');
    const checkpoint = jest.spyOn(db, 'pragma').mockImplementation((source, options) => {
      if (source === 'wal_checkpoint(TRUNCATE)') throw failure;
      return pragma(source, options);
    });
    // Another task blocked in the same turn as the redaction's append, so both are committed together.
    const append = store.append.bind(store);
    const beside: Promise<string>[] = [];
    const appends = jest.spyOn(store, 'append').mockImplementation((streamId, events, options) => {
      if (streamId === REDACTIONS_STREAM) beside.push(recordBlockedTask(store, 2));
      return append(streamId, events, options);
    });

    await redactEventField(store, { eventId, field: 'reason', reason: REASON }, admin);
    expect(beside).toHaveLength(1);
    const besideId = await beside[0];
    expect(besideId).toBe('e0000000-0000-4000-8000-000000000002');
    appends.mockRestore();
    checkpoint.mockRestore();
    expect(warnings).toEqual([expect.stringContaining('disk I/O error')]);
    // Recorded: the text is gone from the tables but still in the log's frames.
    expect(await store.readStream(REDACTIONS_STREAM)).toHaveLength(1);
    expect((await store.readStream('workstream-w1'))[0].data).toEqual({ taskId: 't1', reason: REDACTED_TEXT });
    expect(fileBytes().includes('Tyler Jones')).toBe(true);

    // The task beside it holds the same words; once it is redacted too, the log empties at last.
    await redactEventField(store, { eventId: besideId, field: 'reason', reason: REASON }, admin);
    expect(fileBytes().includes('Tyler Jones')).toBe(false);
    expect((await verifyHashChains(store)).breaks).toEqual([]);
  });

  it('finds a text altered in event_texts, and a text deleted without a recorded redaction', async () => {
    await recordBlockedTask(store);
    sql(`UPDATE event_texts SET text = 'Blocked until the school replies'`);
    expect((await verifyHashChains(store)).breaks).toEqual([
      expect.objectContaining({ streamId: 'workstream-w1', problem: expect.stringMatching(/reason .*altered/) }),
    ]);
    sql('DELETE FROM event_texts');
    expect((await verifyHashChains(store)).breaks).toEqual([
      expect.objectContaining({ problem: 'its text at reason is gone but no redaction of it is recorded' }),
    ]);
  });

  it('keeps every signed head valid across a redaction', async () => {
    const eventId = await recordBlockedTask(store);
    const key = { ...(await generateKeyPair('ES256')), kid: 'log-key-1' };
    await signAndRecordTreeHead(store, key, new Date('2026-11-23T10:00:00Z'), 'test');
    await redactEventField(store, { eventId, field: 'reason', reason: REASON }, admin);
    expect(await (await TransparencyLog.scan(store)).problems(key.publicKey)).toEqual([]);
  });
});

describe('a redaction while another connection reads the SQLite file', () => {
  let dir: string;
  let file: string;
  let store: SqliteEventStore;
  let reader: Database.Database;
  let warnings: string[];
  let emptied: Promise<string>;
  const fileBytes = () =>
    Buffer.concat(
      readdirSync(dir)
        .filter((name) => name.startsWith('events.db'))
        .map((name) => readFileSync(join(dir, name))),
    );
  const open = (emptyLogRetryMs?: number) => {
    let logged: (message: string) => void = () => undefined;
    emptied = new Promise((resolve) => (logged = resolve));
    store = new SqliteEventStore(file, { emptyLogRetryMs, logger: { log: logged, warn: (m) => warnings.push(m) } });
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'redaction-reader-'));
    file = join(dir, 'events.db');
    warnings = [];
  });
  afterEach(async () => {
    if (reader.open) reader.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Records the text, then holds a read transaction on a connection of its own, as the CLI's export would. */
  const redactWhileReading = async () => {
    const eventId = await recordBlockedTask(store);
    reader = new Database(file, { readonly: true });
    reader.exec('BEGIN');
    reader.prepare('SELECT COUNT(*) FROM events').get();
    await redactEventField(store, { eventId, field: 'reason', reason: REASON }, admin);
  };

  it('given a reader holding the log, when a field is redacted, then it is recorded, the text stays in the files until a later commit after the reader lets go', async () => {
    open();
    await redactWhileReading();

    expect((await store.readStream('workstream-w1'))[0].data).toEqual({ taskId: 't1', reason: REDACTED_TEXT });
    expect(await store.readStream(REDACTIONS_STREAM)).toHaveLength(1);
    expect(warnings).toEqual([expect.stringContaining('still in the event store')]);
    expect(fileBytes().includes('Tyler Jones')).toBe(true);
    const storeDb = (store as unknown as { db: Database.Database }).db;
    expect(storeDb.pragma('busy_timeout', { simple: true })).toBe(5000);

    await store.append('workstream-w2', [{ id: 'e-next', type: 'Noted', data: {}, metadata }], {
      expectedRevision: NO_STREAM,
    });
    // Tried again and still held: no second warning for the same run of failures.
    expect(warnings).toHaveLength(1);
    expect(fileBytes().includes('Tyler Jones')).toBe(true);

    reader.exec('COMMIT');
    await store.append('workstream-w2', [{ id: 'e-last', type: 'Noted', data: {}, metadata }], {
      expectedRevision: 0,
    });
    await emptied;
    expect(fileBytes().includes('Tyler Jones')).toBe(false);
    expect(warnings).toHaveLength(1);
  });

  it('given a reader holding the log, when it lets go and nothing more is written, then the retry empties the log', async () => {
    open(20);
    await redactWhileReading();
    expect(fileBytes().includes('Tyler Jones')).toBe(true);

    reader.exec('COMMIT');
    await emptied;
    expect(fileBytes().includes('Tyler Jones')).toBe(false);
  });
});

describe('a store made before free text was sealed (test/fixtures/pre-sealing-events.json)', () => {
  interface FixtureRow {
    position: number;
    event_id: string;
    stream_id: string;
    revision: number;
    type: string;
    data: string;
    metadata: string;
    recorded_at: string;
  }
  const rows = JSON.parse(
    readFileSync(join(__dirname, '../../../test/fixtures/pre-sealing-events.json'), 'utf8'),
  ) as FixtureRow[];
  const drafted = rows.find((row) => row.type === 'PolicyDrafted') as FixtureRow;
  let dir: string;
  let file: string;
  let store: SqliteEventStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pre-sealing-'));
    file = join(dir, 'events.db');
    // The events table as the code before this change created it, holding what that code wrote.
    const raw = new Database(file);
    raw.exec(`CREATE TABLE events (
      position INTEGER PRIMARY KEY AUTOINCREMENT, event_id TEXT NOT NULL UNIQUE, stream_id TEXT NOT NULL,
      revision INTEGER NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL,
      recorded_at TEXT NOT NULL, UNIQUE (stream_id, revision))`);
    const insert = raw.prepare('INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    for (const row of rows) insert.run(...Object.values(row));
    raw.close();
    store = new SqliteEventStore(file);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('verifies once migrated, and still after a field of an old event is redacted, re-anchored by its redaction', async () => {
    expect(await verifyHashChains(store)).toMatchObject({ events: rows.length, breaks: [], redactions: [] });
    const rootBefore = await (await TransparencyLog.scan(store)).rootHash();

    await redactEventField(store, { eventId: drafted.event_id, field: 'body', reason: REASON }, admin);

    const [policy] = await store.readStream(drafted.stream_id);
    expect(policy.data).toMatchObject({ title: 'Escalation procedure', body: REDACTED_TEXT });
    const report = await verifyHashChains(store);
    expect(report.breaks).toEqual([]);
    expect(report.redactions).toEqual([
      expect.objectContaining({ eventId: drafted.event_id, field: 'body', by: 'admin-1', reanchored: true }),
    ]);
    expect(await (await TransparencyLog.scan(store)).rootHash(rows.length)).toBe(rootBefore);
    const bytes = Buffer.concat(
      readdirSync(dir)
        .filter((name) => name.startsWith('events.db'))
        .map((name) => readFileSync(join(dir, name))),
    );
    expect(bytes.includes('Tyler Jones')).toBe(false);

    await redactEventField(store, { eventId: drafted.event_id, field: 'summary', reason: REASON }, admin);
    expect((await verifyHashChains(store)).breaks).toEqual([]);
  });

  it('still finds an old event altered after its redaction', async () => {
    await redactEventField(store, { eventId: drafted.event_id, field: 'body', reason: REASON }, admin);
    const raw = new Database(file);
    raw
      .prepare(`UPDATE events SET data = json_set(data, '$.title', 'Another title') WHERE event_id = ?`)
      .run(drafted.event_id);
    raw.close();
    expect((await verifyHashChains(store)).breaks).toEqual([
      expect.objectContaining({ streamId: drafted.stream_id, problem: expect.stringMatching(/altered/) }),
    ]);
  });
});
