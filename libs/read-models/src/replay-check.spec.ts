import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InMemoryEventStore, NewEvent } from '@app/event-store';
import { Projection } from './projection';
import { ProjectionRunner } from './projection-runner';
import { openReadDatabase } from './read-database';
import { checkReplay } from './replay-check';

const silent = { log: () => undefined, warn: () => undefined, error: () => undefined };
const event = (n: number): NewEvent => ({ id: `e-${n}`, type: 'Counted', data: { n }, metadata: {} });

/** One table keyed by position, one without a declared key (compared by rowid). */
const counting = (version = 1): Projection => ({
  name: 'counting',
  version,
  tables: ['counted', 'tally'],
  setup: (db) =>
    db.exec(`CREATE TABLE counted (position INTEGER PRIMARY KEY, n INTEGER NOT NULL);
             CREATE TABLE tally (n INTEGER NOT NULL)`),
  apply: (db, e) => {
    const { n } = e.data as { n: number };
    db.prepare('INSERT INTO counted VALUES (?, ?)').run(e.position, n);
    db.prepare('INSERT INTO tally VALUES (?)').run(n * 10);
  },
});

describe('checkReplay (A5)', () => {
  let dir: string;
  let store: InMemoryEventStore;
  let liveFile: string;
  const lines: string[] = [];

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'replay-spec-'));
    liveFile = join(dir, 'read.db');
    store = new InMemoryEventStore();
    await store.append('s', [event(1), event(2), event(3)], { expectedRevision: 'no_stream' });
    const db = openReadDatabase(liveFile);
    const runner = new ProjectionRunner(store, db, [counting()], silent);
    await runner.start();
    await runner.stop();
    db.close();
    lines.length = 0;
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const tamper = (sql: string) => {
    const db = new Database(liveFile);
    db.exec(sql);
    db.close();
  };
  const check = (projections = [counting()]) => checkReplay(store, liveFile, (line) => lines.push(line), projections);

  it('given read models built from the log, then the rebuild is identical, with progress reported', async () => {
    const report = await check();
    expect(report).toEqual({ position: 3, tables: 2, rows: 6, differences: [] });
    expect(lines).toContain('  compared counted: 3 rows');
  });

  it('given a row altered, one removed and one added, then each is named by table and key', async () => {
    tamper(`UPDATE counted SET n = 99 WHERE position = 2;
            DELETE FROM counted WHERE position = 3;
            INSERT INTO counted VALUES (7, 7);
            UPDATE tally SET n = 0 WHERE rowid = 1;`);
    const { differences } = await check();
    expect(differences).toEqual([
      {
        table: 'counted',
        problem: null,
        rows: [
          { key: { position: 2 }, problem: 'differs' },
          { key: { position: 7 }, problem: 'only in read.db' },
          { key: { position: 3 }, problem: 'missing from read.db' },
        ],
      },
      { table: 'tally', problem: null, rows: [{ key: { rowid: 1 }, problem: 'differs' }] },
    ]);
  });

  it('given events read.db has not applied yet, then the rebuild stops where read.db stands', async () => {
    await store.append('s', [event(4)], { expectedRevision: 2 });
    expect((await check()).position).toBe(3);
  });

  it('given read.db built by another version of a projection, then it says so instead of comparing rows', async () => {
    const { differences } = await check([counting(2)]);
    expect(differences).toEqual([
      {
        table: 'projection_checkpoints',
        problem: 'read.db holds version 1 of the projection counting; this code builds version 2',
        rows: [],
      },
    ]);
  });

  it('never writes to read.db', async () => {
    const db = new Database(liveFile);
    const before = db.prepare('SELECT COUNT(*) FROM counted').pluck().get();
    await check();
    expect(db.prepare('SELECT COUNT(*) FROM counted').pluck().get()).toBe(before);
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).pluck().all()).toEqual([
      'counted',
      'last_applied_event',
      'projection_checkpoints',
      'tally',
    ]);
    db.close();
  });
});
