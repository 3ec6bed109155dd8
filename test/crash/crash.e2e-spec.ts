import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventStore, SqliteEventStore } from '@app/event-store';
import { PostgresEventStore } from '@app/event-store/postgres/postgres-event-store';
import { describeWithPostgres, dropTestSchema, freshTestSchema } from '@app/event-store/testing/postgres-test-schema';

const ACKNOWLEDGED_BEFORE_KILL = 300;

/** Runs append-child.ts with `args` until it has acknowledged enough appends, kills it with SIGKILL, and returns every id it printed. */
async function appendUntilKilled(args: string[]): Promise<string[]> {
  const acknowledged: string[] = [];
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', join(__dirname, 'append-child.ts'), ...args],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let buffered = '';
  // 'close' comes once the pipe is drained, so lines written just before the kill are counted too.
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('close', (_code, signal) => resolve(signal)));
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    acknowledged.push(...lines);
    if (acknowledged.length >= ACKNOWLEDGED_BEFORE_KILL) child.kill('SIGKILL');
  });
  expect(await exited).toBe('SIGKILL');
  expect(acknowledged.length).toBeGreaterThanOrEqual(ACKNOWLEDGED_BEFORE_KILL);
  return acknowledged;
}

/**
 * Every acknowledged event is there, in order, followed by at most the one append in flight; and
 * the stream takes its next append, so nothing the killed writer held is left locked.
 */
async function expectEveryAcknowledgedAppend(store: EventStore, acknowledged: readonly string[]): Promise<void> {
  const stored = (await store.readStream('crash-stream')).map((event) => event.id);
  expect(stored.slice(0, acknowledged.length)).toEqual(acknowledged);
  expect(stored.length - acknowledged.length).toBeLessThanOrEqual(1);
  const next = await store.append('crash-stream', [{ id: randomUUID(), type: 'Appended', data: {}, metadata: {} }], {
    expectedRevision: stored.length - 1,
  });
  expect(next.nextRevision).toBe(stored.length);
}

describe('crash safety of the SQLite store', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'crash-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps every acknowledged append, in order, when the writer is killed with SIGKILL', async () => {
    const file = join(dir, 'events.db');
    const acknowledged = await appendUntilKilled(['sqlite', file]);

    const raw = new Database(file);
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    raw.close();

    const store = new SqliteEventStore(file);
    try {
      await expectEveryAcknowledgedAppend(store, acknowledged);
    } finally {
      await store.close();
    }
  });
});

describeWithPostgres('crash safety of the PostgreSQL store', (connectionString) => {
  let schema: string;
  beforeEach(() => {
    schema = freshTestSchema();
  });
  afterEach(() => dropTestSchema(connectionString, schema));

  it('keeps every acknowledged append, in order, when the writer is killed with SIGKILL', async () => {
    const acknowledged = await appendUntilKilled(['postgres', connectionString, schema]);
    const store = new PostgresEventStore(connectionString, { schema });
    try {
      await expectEveryAcknowledgedAppend(store, acknowledged);
    } finally {
      await store.close();
    }
  });
});
