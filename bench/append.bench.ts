import Database from 'better-sqlite3';
import { join } from 'node:path';
import { chainEvents, ExpectedRevision, NewEvent, NO_STREAM, SqliteEventStore } from '@app/event-store';
import { regionalGroupEvent } from './fixtures';
import { BenchResult, envInt, formatNumber, median, printRound, report, runMain, timed, withTempDir } from './measure';

/**
 * Durable single-event appends per second through SqliteEventStore.append, against raw
 * better-sqlite3 inserts of the same rows, one per transaction, into an identical table with the
 * same WAL + synchronous=FULL configuration. Rounds alternate between the two, each in a fresh file.
 */

const BENCH = 'append';
const TARGET = 0.8;
const ROUNDS = 3;
/** Appends go round-robin to this many streams, each at its exact previous revision. */
const STREAMS = 50;
/** Untimed appends at the start of every round: JIT, file growth, first WAL frames. */
const WARM_UP = 200;
/** About 2-4 s per round on the 2-core development machine; BENCH_APPENDS overrides. */
const DEFAULT_APPENDS = 12000;

export interface Append {
  readonly streamId: string;
  readonly expectedRevision: ExpectedRevision;
  readonly event: NewEvent;
  /** The same row serialised up front for the raw baseline. */
  readonly revision: number;
  readonly data: string;
  readonly metadata: string;
}

/** Builds and hash-chains every event before anything is timed. */
export function appendsOf(count: number): Append[] {
  const now = new Date().toISOString();
  const heads = new Map<string, NewEvent & { revision: number }>();
  const appends: Append[] = [];
  for (let n = 0; n < count; n += 1) {
    const streamId = `regional-group-bench-${n % STREAMS}`;
    const last = heads.get(streamId) ?? null;
    const [event] = chainEvents(streamId, last, [regionalGroupEvent(n, now, streamId)]);
    const revision = last ? last.revision + 1 : 0;
    heads.set(streamId, { ...event, revision });
    appends.push({
      streamId,
      expectedRevision: last ? last.revision : NO_STREAM,
      event,
      revision,
      data: JSON.stringify(event.data),
      metadata: JSON.stringify(event.metadata),
    });
  }
  return appends;
}

async function storeRound(file: string, warmUp: readonly Append[], appends: readonly Append[]): Promise<number> {
  const store = new SqliteEventStore(file);
  try {
    const append = (a: Append) => store.append(a.streamId, [a.event], { expectedRevision: a.expectedRevision });
    for (const a of warmUp) await append(a);
    const { seconds } = await timed(async () => {
      for (const a of appends) await append(a);
    });
    return seconds;
  } finally {
    await store.close();
  }
}

async function rawRound(file: string, warmUp: readonly Append[], appends: readonly Append[]): Promise<number> {
  // The store creates the file so the table, its unique constraints and the WAL mode are the store's own.
  await new SqliteEventStore(file).close();
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    const insert = db.prepare(
      'INSERT INTO events (event_id, stream_id, revision, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    // Autocommit: each insert is its own transaction, committed (and fsynced) before the next.
    const write = (a: Append) =>
      insert.run(a.event.id, a.streamId, a.revision, a.event.type, a.data, a.metadata, new Date().toISOString());
    for (const a of warmUp) write(a);
    const { seconds } = await timed(() => {
      for (const a of appends) write(a);
    });
    return seconds;
  } finally {
    db.close();
  }
}

function assertRowCount(file: string, expected: number): void {
  const db = new Database(file, { readonly: true });
  try {
    const { count } = db.prepare('SELECT COUNT(*) AS count FROM events').get() as { count: number };
    if (count !== expected) throw new Error(`${file} holds ${count} events, expected ${expected}.`);
  } finally {
    db.close();
  }
}

export async function appendBench(): Promise<BenchResult> {
  const count = envInt('BENCH_APPENDS', DEFAULT_APPENDS);
  const built = await timed(() => appendsOf(WARM_UP + count));
  const all = built.result;
  const warmUp = all.slice(0, WARM_UP);
  const appends = all.slice(WARM_UP);
  const bytes = appends.reduce((sum, a) => sum + a.data.length + a.metadata.length, 0) / appends.length;
  console.log(
    `append: ${ROUNDS} rounds x ${formatNumber(count)} single-event appends (after ${WARM_UP} untimed) over ${STREAMS} streams, ` +
      `~${formatNumber(bytes)} bytes of data+metadata per event, WAL + synchronous=FULL`,
  );
  console.log(
    `  building + hash-chaining the events (not timed in the figures): ${formatNumber(all.length / built.seconds)} events/s`,
  );

  const storeRates: number[] = [];
  const rawRates: number[] = [];
  await withTempDir('bench-append', async (dir) => {
    for (let round = 1; round <= ROUNDS; round += 1) {
      // Alternate which goes first so drift on a noisy machine does not favour one side.
      const order = round % 2 === 1 ? (['raw', 'store'] as const) : (['store', 'raw'] as const);
      for (const kind of order) {
        const file = join(dir, `${kind}-${round}.db`);
        const seconds =
          kind === 'raw' ? await rawRound(file, warmUp, appends) : await storeRound(file, warmUp, appends);
        assertRowCount(file, all.length);
        (kind === 'raw' ? rawRates : storeRates).push(printRound(BENCH, round, kind, count, seconds));
      }
    }
  });

  return report({
    bench: BENCH,
    unit: 'events/s',
    valueLabel: 'SqliteEventStore.append',
    value: median(storeRates),
    baselineLabel: 'raw better-sqlite3 INSERT',
    baseline: median(rawRates),
    target: TARGET,
  });
}

if (require.main === module) runMain(appendBench);
